package com.exqress.waybill.api;

/** What a courier's scan of a label says happened. */
public enum ScanAction {
    /** A courier collects the parcel from the sender (or the carrier's desk): takes custody. */
    PICKUP,
    /** The parcel reaches a hub: the hub takes custody. */
    HUB_ARRIVAL,
    /** The parcel leaves the hub that holds it. */
    HUB_DEPARTURE,
    /** The last-mile courier takes the parcel out for delivery: takes custody. */
    OUT_FOR_DELIVERY,
    /** The courier holding the parcel out for delivery handed it over. */
    DELIVERED,
    /** The courier holding the parcel out for delivery could not hand it over, and keeps it. */
    DELIVERY_FAILED,
    /** The holder sent the parcel back to its sender (or the carrier desk that created it). */
    RETURNED
}
