package com.exqress.waybill.api;

/** Stable codes for broken waybill rules; clients and the HTTP layer rely on these names. */
public enum WaybillErrorCode {
    /** The command does not fit the waybill's lifecycle step (for example deliver before hand-off). */
    INVALID_TRANSITION,
    /** The waybill was disposed of; nothing may happen to it any more. */
    WAYBILL_DISPOSED,
    /** The actor's role or carrier does not allow this command on this waybill. */
    NOT_PERMITTED,
    /** Only the current custodian may hand off or deliver. */
    NOT_CUSTODIAN,
    /** The receiving party belongs to a carrier that is neither this waybill's nor a declared partner. */
    CARRIER_NOT_PARTNER,
    /** The carrier is not on the platform. */
    UNKNOWN_CARRIER,
    /** The carrier's routing table has no route for the recipient's postal code. */
    UNROUTABLE_DESTINATION,
    /** A carrier admin must say why a waybill is disposed of. */
    DISPOSAL_REASON_REQUIRED,
    /** A carrier cannot be declared a partner of itself. */
    INVALID_PARTNER,
    /** The carrier to withdraw is not a declared partner. */
    PARTNER_NOT_DECLARED,
    /** The idempotency key was used before with a different request. */
    DUPLICATE_REQUEST_MISMATCH
}
