package com.exqress.waybill.api;

/** Why a waybill's personal data and label reference are destroyed. */
public enum DisposalReason {
    /** The recipient, after delivery, asked for their data to disappear. */
    RECIPIENT_REQUEST,
    RETURNED_TO_SENDER,
    LOST,
    DAMAGED,
    UNDELIVERABLE,
    /** The carrier's retention period, counted from delivery, ran out: a carrier admin's reason, for a delivered waybill. */
    RETENTION_EXPIRED
}
