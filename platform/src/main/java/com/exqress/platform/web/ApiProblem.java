package com.exqress.platform.web;

import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.List;

/**
 * A client error found outside the domain (bad input, unknown id, missing identity), carrying the
 * stable code and the status it is answered with. Its detail is shown to the client, so it must
 * never contain personal data.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> fieldProblems;
    private final Duration retryAfter;

    public ApiProblem(HttpStatus status, String code, String detail, List<FieldProblem> fieldProblems) {
        this(status, code, detail, fieldProblems, null);
    }

    private ApiProblem(HttpStatus status, String code, String detail, List<FieldProblem> fieldProblems,
                       Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.fieldProblems = List.copyOf(fieldProblems);
        this.retryAfter = retryAfter;
    }

    public ApiProblem(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", detail);
    }

    /** 429: the caller must wait {@code retryAfter} before trying again (sent as Retry-After). */
    public static ApiProblem tooManyRequests(String code, String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, code, detail, List.of(), retryAfter);
    }

    /** 503: the service cannot serve now; the caller may retry after {@code retryAfter} (sent as Retry-After). */
    public static ApiProblem serviceUnavailable(String code, String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, code, detail, List.of(), retryAfter);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", detail);
    }

    public static ApiProblem waybillNotFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "WAYBILL_NOT_FOUND", "no waybill with that id is visible to you");
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "the request has invalid fields",
                List.of(new FieldProblem(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** How long to wait before retrying, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
