package com.exqress.waybill.api;

/** Where a waybill stands in its lifecycle. */
public enum WaybillStatus {
    CREATED,
    LABEL_PRINTED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERY_FAILED,
    DELIVERED,
    RETURNED,
    DISPOSED
}
