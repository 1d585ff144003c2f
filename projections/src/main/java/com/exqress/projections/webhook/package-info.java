/**
 * Outgoing webhooks per carrier: the integration events of the carrier's parcels, read from the Kafka topic,
 * queued once per webhook and POSTed with an HMAC signature, retried with back-off, and switched off after
 * too many failures in a row (see the Webhooks section of {@code docs/integration-events.md}).
 */
package com.exqress.projections.webhook;
