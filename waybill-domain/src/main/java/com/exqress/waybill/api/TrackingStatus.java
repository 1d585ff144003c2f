package com.exqress.waybill.api;

/**
 * Where a parcel stands, as customers and carrier systems are told: the published vocabulary of the read
 * models and the integration events. Each status comes with a reason code that says what put it there.
 */
public enum TrackingStatus {
    /** The carrier knows about the parcel; it is still with its sender. */
    INFO_RECEIVED,
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERY_FAILED,
    DELIVERED,
    RETURNED,
    DISPOSED;

    /** Nothing more is expected to happen to the parcel: it has no next step and is never stuck. */
    public boolean isTerminal() {
        return this == DELIVERED || this == RETURNED || this == DISPOSED;
    }
}
