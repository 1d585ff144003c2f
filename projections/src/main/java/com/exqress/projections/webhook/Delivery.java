package com.exqress.projections.webhook;

import java.util.UUID;

/**
 * One integration event for one webhook, as a dispatcher claimed it.
 *
 * @param attempts how many attempts failed before this one
 */
record Delivery(UUID webhookId, String eventId, String body, int attempts, String url, String secret) {

    /** Without the secret, the body and the URL (which may carry the receiver's own token), should it be logged. */
    @Override
    public String toString() {
        return "Delivery[webhookId=" + webhookId + ", eventId=" + eventId + ", attempts=" + attempts + "]";
    }
}
