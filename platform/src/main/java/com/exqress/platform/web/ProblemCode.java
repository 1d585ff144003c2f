package com.exqress.platform.web;

import org.springframework.http.HttpStatus;

/**
 * Every stable {@code code} a problem response may carry, with its status and what it means to a client: the
 * catalogue the API documentation lists per operation. ProblemCodeTest keeps it in step with the codes the
 * services answer.
 */
public enum ProblemCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "a field, parameter or header is missing or wrong; errors[] says which and what to fix"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "the body is missing, not JSON, or not the JSON object expected"),
    UNKNOWN_FIELD(HttpStatus.BAD_REQUEST, "the body has a field this operation does not know"),
    BODY_TOO_LARGE(HttpStatus.BAD_REQUEST, "the body is larger than the 64 KB allowed"),
    INVALID_IDEMPOTENCY_KEY(HttpStatus.BAD_REQUEST, "the Idempotency-Key header is not 1-255 visible ASCII characters"),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "the request is malformed in its headers or parameters"),
    LABEL_MALFORMED(HttpStatus.BAD_REQUEST, "the QR text is not an Exqress label at all"),

    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "no valid access token"),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "wrong user name or password"),
    INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED, "the refresh token is unknown, expired or revoked"),
    REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED, "the refresh token was used before; every session of its family ended"),

    FORBIDDEN(HttpStatus.FORBIDDEN, "the caller's role or carrier may not do this (or the token carries no valid role)"),
    NOT_PERMITTED(HttpStatus.FORBIDDEN, "the waybill's rules do not let this caller do this"),
    NOT_CUSTODIAN(HttpStatus.FORBIDDEN, "only the parcel's current custodian may do this"),

    NOT_FOUND(HttpStatus.NOT_FOUND, "no such path"),
    WAYBILL_NOT_FOUND(HttpStatus.NOT_FOUND, "no such waybill or parcel, or none visible to the caller"),
    WAYBILL_NOT_YET_CREATED(HttpStatus.NOT_FOUND, "the waybill did not exist yet at asOf"),
    CARRIER_NOT_FOUND(HttpStatus.NOT_FOUND, "no such carrier on the platform"),
    PARTNER_NOT_DECLARED(HttpStatus.NOT_FOUND, "the carrier to withdraw is not a declared partner"),
    WEBHOOK_NOT_FOUND(HttpStatus.NOT_FOUND, "the carrier has no webhook with that id"),
    CHECKPOINT_NOT_FOUND(HttpStatus.NOT_FOUND, "no checkpoint with that id"),
    EVENT_NOT_IN_CHECKPOINT(HttpStatus.NOT_FOUND, "the event is not one the checkpoint covers"),
    LABEL_KEY_NOT_FOUND(HttpStatus.NOT_FOUND, "the carrier has no label signing key with that id"),
    LABEL_UNKNOWN(HttpStatus.NOT_FOUND, "a genuine label of no parcel the caller handles, or no label printed yet"),

    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "the path does not take this method; Allow names those it takes"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "the operation cannot answer in a media type the Accept header allows"),

    INVALID_TRANSITION(HttpStatus.CONFLICT, "the step does not fit the waybill's lifecycle"),
    WAYBILL_DISPOSED(HttpStatus.CONFLICT, "the waybill was disposed of"),
    CONCURRENT_MODIFICATION(HttpStatus.CONFLICT, "another request changed the waybill at the same time; retry with the same Idempotency-Key"),
    NO_NEW_EVENTS(HttpStatus.CONFLICT, "nothing was recorded since the last checkpoint"),
    LABEL_KEY_ACTIVE(HttpStatus.CONFLICT, "the key signs the carrier's new labels; rotate to a new key before retiring it"),
    REBUILD_REFUSED(HttpStatus.CONFLICT, "a rebuild is running already, or cannot start now"),

    LABEL_REVOKED(HttpStatus.GONE, "the label was replaced by a reprint or signed with a retired key"),
    LABEL_DISPOSED(HttpStatus.GONE, "the label's waybill was disposed of"),

    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json"),

    CARRIER_NOT_PARTNER(HttpStatus.UNPROCESSABLE_ENTITY, "the receiving carrier is neither the waybill's nor a declared partner"),
    UNKNOWN_CARRIER(HttpStatus.UNPROCESSABLE_ENTITY, "the carrier is not on the platform"),
    UNROUTABLE_DESTINATION(HttpStatus.UNPROCESSABLE_ENTITY, "the carrier has no route for the recipient's postal code"),
    DISPOSAL_REASON_REQUIRED(HttpStatus.UNPROCESSABLE_ENTITY, "a carrier admin must say why the waybill is disposed of"),
    INVALID_PARTNER(HttpStatus.UNPROCESSABLE_ENTITY, "a carrier cannot be its own partner"),
    DUPLICATE_REQUEST_MISMATCH(HttpStatus.UNPROCESSABLE_ENTITY, "the Idempotency-Key was used before with a different request"),
    LABEL_FORGED(HttpStatus.UNPROCESSABLE_ENTITY, "shaped like a label, but its signature, key or carrier does not check out"),

    TOO_MANY_LOGIN_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "too many failed logins for the account or the address; see Retry-After"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "too many scans by this courier or device; see Retry-After"),

    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "the server failed; detail quotes an error id"),
    STORED_EVENT_UNREADABLE(HttpStatus.INTERNAL_SERVER_ERROR, "a stored event of the waybill was altered or damaged; "
            + "GET /audit/waybills/{id}/verify names the first broken one"),

    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "the database cannot be reached; retry after Retry-After with the same Idempotency-Key"),
    OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, "the server is busy; retry shortly with the same Idempotency-Key");

    private final HttpStatus status;
    private final String meaning;

    ProblemCode(HttpStatus status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public HttpStatus status() {
        return status;
    }

    public String meaning() {
        return meaning;
    }
}
