package com.exqress.waybill.api;

import java.util.Objects;

/**
 * The client's idempotency key and a fingerprint of the request it came with, so a retry is
 * recognised as the same request and a reused key with a different request is refused.
 */
public record RequestKey(String idempotencyKey, String fingerprint) {

    public RequestKey {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
