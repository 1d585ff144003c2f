package com.exqress.waybill.api;

/** What kind of party holds a parcel. */
public enum CustodianKind {
    /** The customer who sent it, before the carrier picks it up. */
    SENDER,
    /** A carrier's desk, when a carrier admin created the waybill for a merchant. */
    CARRIER_DESK,
    COURIER,
    HUB
}
