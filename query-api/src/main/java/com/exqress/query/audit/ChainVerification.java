package com.exqress.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /audit/waybills/{id}/verify}: whether every stored event of the waybill still carries the
 * link the chain rule gives it, and if not, the first sequence number where it does not and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(String waybillId, int events, boolean intact, Long firstBrokenSequence,
                                Break reason) {

    /** Why a link is broken. */
    public enum Break {
        /** The stored payload, or another hashed column, or the stored hash itself, was changed. */
        HASH_MISMATCH,
        /** The event's metadata carries no readable chain hash. */
        MISSING_HASH,
        /** No event is stored with this sequence number, though later ones are. */
        SEQUENCE_GAP
    }

    static ChainVerification intact(String waybillId, int events) {
        return new ChainVerification(waybillId, events, true, null, null);
    }

    static ChainVerification broken(String waybillId, int events, long sequence, Break reason) {
        return new ChainVerification(waybillId, events, false, sequence, reason);
    }
}
