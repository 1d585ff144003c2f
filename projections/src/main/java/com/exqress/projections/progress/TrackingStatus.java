package com.exqress.projections.progress;

/**
 * Where a parcel stands, as customers and carrier systems are told. Each status comes with a reason code
 * (see {@link ParcelProgress}) that says what put it there.
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
    DISPOSED
}
