package com.exqress.waybill.api;

/** How fast the carrier promised to deliver. */
public enum ServiceLevel {
    STANDARD,
    EXPRESS,
    SAME_DAY
}
