package com.exqress.waybill.api;

/** How the parcel left the carrier's hands. */
public enum DeliveryMethod {
    TO_RECIPIENT,
    TO_LOCKER,
    AT_DOOR
}
