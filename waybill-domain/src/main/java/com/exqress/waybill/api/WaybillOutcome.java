package com.exqress.waybill.api;

/**
 * What a waybill command returns: the state it left the waybill in. A retried request with the same
 * idempotency key returns the outcome of its first execution. {@code activeLabel} is null when no
 * label is valid.
 */
public record WaybillOutcome(WaybillId waybillId, TrackingNumber trackingNumber, WaybillStatus status,
                             LabelReference activeLabel) {
}
