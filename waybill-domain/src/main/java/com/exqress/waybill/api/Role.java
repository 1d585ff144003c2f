package com.exqress.waybill.api;

/** What an actor may do on the platform; see the privacy model in ARCHITECTURE.md. */
public enum Role {
    CUSTOMER,
    COURIER,
    CARRIER_ADMIN,
    PLATFORM_ADMIN,
    AUDITOR
}
