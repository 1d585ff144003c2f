/**
 * The Kafka relay: every waybill event, translated to a versioned integration event without personal data,
 * published at least once to the waybill-events topic, keyed by waybill (see {@code docs/integration-events.md}).
 */
package com.exqress.projections.relay;
