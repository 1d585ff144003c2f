package com.exqress.query.audit;

import java.time.Instant;

/**
 * A signed checkpoint: the RFC 6962 Merkle root over the chain hashes of the events from {@code firstGlobalIndex}
 * to {@code lastGlobalIndex}, in global-index order. {@code signature} is a compact ES256 JWS whose payload is
 * {@link Statement}'s canonical JSON; it, not the other fields, is the evidence.
 *
 * @param root lower-case hex
 */
public record Checkpoint(long id, long firstGlobalIndex, long lastGlobalIndex, int treeSize, String root,
                         Instant createdAt, String keyId, String signature) {

    /**
     * What is signed, as JSON with exactly these members in this order and no white space:
     * {@code {"first":…,"last":…,"size":…,"root":"…","createdAt":"…"}} ({@code createdAt} as ISO-8601 UTC).
     */
    public record Statement(long first, long last, int size, String root, String createdAt) {
    }
}
