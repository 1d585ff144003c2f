package com.exqress.projections.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook just registered, with the secret that signs its deliveries: the only time the secret is shown.
 *
 * @param secret 32 random bytes, base64url without padding; the HMAC key is this text's UTF-8 bytes
 */
public record NewWebhook(UUID id, String url, WebhookStatus status, Instant createdAt, String secret) {

    /** Without the secret, so that logging this record by mistake does not leak it. */
    @Override
    public String toString() {
        return "NewWebhook[id=" + id + ", status=" + status + ", createdAt=" + createdAt + "]";
    }
}
