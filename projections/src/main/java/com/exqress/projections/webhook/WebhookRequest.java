package com.exqress.projections.webhook;

/** {@code POST /carriers/{carrierId}/webhooks}: where the carrier wants its events. */
public record WebhookRequest(String url) {
}
