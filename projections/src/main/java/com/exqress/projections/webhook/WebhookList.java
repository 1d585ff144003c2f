package com.exqress.projections.webhook;

import java.util.List;

/** {@code GET /carriers/{carrierId}/webhooks}: the carrier's webhooks, oldest first. */
public record WebhookList(String carrier, List<Webhook> webhooks) {
}
