package com.exqress.waybill.api;

import java.util.Set;

/**
 * What a waybill command returns: the state it left the waybill in. A retried request with the same
 * idempotency key returns the outcome of its first execution. {@code activeLabel} is null when no
 * label is valid; {@code disclosed} names the personal fields this request may be shown (empty for all
 * but some scans), which a PersonalDataDisclosed event recorded.
 */
public record WaybillOutcome(WaybillId waybillId, TrackingNumber trackingNumber, WaybillStatus status,
                             LabelReference activeLabel, Routing routing, Set<PersonalField> disclosed) {

    public WaybillOutcome {
        disclosed = Set.copyOf(disclosed);
    }
}
