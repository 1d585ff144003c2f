package com.exqress.projections.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook as its carrier's admins see it: where it posts and how its deliveries go. Never its secret.
 *
 * @param lastFailure       what the last failed attempt ran into, e.g. {@code HTTP_500} or {@code TIMEOUT}
 * @param pendingDeliveries events queued for it and not yet delivered
 */
public record Webhook(UUID id, String url, WebhookStatus status, int consecutiveFailures, String lastFailure,
                      Instant lastFailureAt, Instant lastDeliveredAt, Instant disabledAt, long pendingDeliveries,
                      Instant createdAt) {
}
