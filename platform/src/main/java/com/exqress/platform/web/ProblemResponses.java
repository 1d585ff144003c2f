package com.exqress.platform.web;

import com.exqress.waybill.WaybillRuleViolation;
import com.exqress.waybill.api.WaybillErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Turns every failure, from a controller or from the framework before one is reached, into an RFC 7807
 * problem response with a stable {@code code}. The one place where error codes meet HTTP statuses.
 * Client mistakes never become a 500; nothing here echoes request values, exception messages from
 * libraries or stack traces, because those may carry personal data.
 */
@Component
@Order(-2)
public class ProblemResponses implements WebExceptionHandler {

    /** The exchange attribute that holds the code of the problem answered, for whoever counts answers by code. */
    public static final String PROBLEM_CODE = ProblemResponses.class.getName() + ".code";
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** About how long a database restart or a failover takes. */
    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);
    /** The message of every use of a connection that Hikari closed after it broke. */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ApiProblem problem = toProblem(failure);
        String path = exchange.getRequest().getPath().value();
        Problem body = new Problem("urn:exqress:problem:" + problem.code().toLowerCase(Locale.ROOT).replace('_', '-'),
                problem.status().getReasonPhrase(), problem.status().value(), problem.getMessage(), path,
                problem.code(), problem.fieldProblems().isEmpty() ? null : problem.fieldProblems());
        exchange.getAttributes().put(PROBLEM_CODE, problem.code());
        response.setStatusCode(problem.status());
        if (failure instanceof ResponseStatusException status) {
            // Spring names the allowed methods (405) or media types (415) here; clients need them.
            response.getHeaders().addAll(status.getHeaders());
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.retryAfter() != null) {
            long seconds = Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        DataBuffer buffer;
        try {
            buffer = response.bufferFactory().wrap(objectMapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        return response.writeWith(Mono.just(buffer));
    }

    private ApiProblem toProblem(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiProblem problem) {
            return problem;
        }
        if (cause instanceof WaybillRuleViolation violation) {
            return new ApiProblem(statusOf(violation.code()), violation.code().name(), violation.getMessage());
        }
        if (cause instanceof AggregateNotFoundException) {
            return ApiProblem.waybillNotFound();
        }
        if (cause instanceof ConcurrencyException) {
            return new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                    "the waybill was changed by another request at the same time; retry with the same idempotency key");
        }
        if (cause instanceof WebExchangeBindException binding) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "the request has invalid fields",
                    binding.getFieldErrors().stream()
                            .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                            .toList());
        }
        if (cause instanceof ServerWebInputException || cause instanceof PayloadTooLargeException) {
            return inputProblem(cause);
        }
        if (cause instanceof ResponseStatusException status) {
            return statusProblem(status.getStatusCode());
        }
        // First: reading an event's sealed personal data looks its key up, so an outage can surface inside a
        // deserialisation failure, and the events are then not unreadable at all.
        if (databaseUnreachable(cause)) {
            // Expected while the database restarts or fails over: no error id, and no stack trace in the log.
            log.warn("the database cannot be reached: {}", causeChain(failure));
            return ApiProblem.serviceUnavailable("SERVICE_UNAVAILABLE", "the service cannot reach its database; "
                    + "retry shortly with the same idempotency key", DATABASE_RETRY_AFTER);
        }
        if (causeOf(cause, SerializationException.class) != null) {
            return storedEventUnreadable(failure);
        }
        if (cause instanceof RejectedExecutionException) {
            return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "OVERLOADED", "the server is busy; retry shortly with the same idempotency key");
        }
        return serverError(failure);
    }

    private static ApiProblem inputProblem(Throwable input) {
        if (causeOf(input, DataBufferLimitException.class) != null || causeOf(input, PayloadTooLargeException.class) != null) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "BODY_TOO_LARGE", "the request body is larger than the 64 KB allowed");
        }
        // A parse error inside a value arrives wrapped in a mapping error that names the field; it is still broken JSON.
        if (causeOf(input, StreamReadException.class) != null) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "the request body is not valid JSON");
        }
        UnrecognizedPropertyException unknown = causeOf(input, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD",
                    "unknown field '" + pathOf(unknown) + "'; remove it or check its spelling",
                    List.of(new FieldProblem(pathOf(unknown), "unknown field")));
        }
        JsonMappingException mapping = causeOf(input, JsonMappingException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "the request has invalid fields",
                    List.of(new FieldProblem(pathOf(mapping), expectation(mapping))));
        }
        if (mapping != null) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "the request body is not the JSON object expected");
        }
        if (input instanceof ServerWebInputException webInput && webInput.getReason() != null
                && webInput.getReason().startsWith("No request body")) {
            return new ApiProblem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "the request body is missing");
        }
        return new ApiProblem(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "the request is malformed; check its headers and parameters");
    }

    /**
     * No connection to the database: none free or creatable within the pool's connection timeout, refused, broken,
     * or the server is shutting down or starting. Spring's translation of such failures is a
     * DataAccessResourceFailureException; Axon's JDBC code leaves the SQLException as the cause, where SQLState class
     * 08 is a connection exception and 57P a shutdown or start-up of the server. Once Hikari has seen such a state it
     * closes the connection, and whatever the transaction does next with it -- the next query, or Spring's rollback
     * after a failed commit, which then hides the commit's cause -- fails with Hikari's state-less "Connection is
     * closed". Whether a commit that failed so happened is unknown; a retry with the same idempotency key settles it.
     */
    private static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && (HIKARI_CLOSED_CONNECTION.equals(sql.getMessage()) || isConnectionState(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String expectation(JsonMappingException mapping) {
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isEnum()) {
            return "must be one of " + Arrays.stream(mismatch.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        return "has the wrong type or format";
    }

    private static ApiProblem statusProblem(HttpStatusCode statusCode) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null || status.is5xxServerError()) {
            return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "the server failed; try again later");
        }
        String detail = switch (status) {
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this resource";
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json";
            case NOT_ACCEPTABLE -> "this resource answers application/json or application/problem+json";
            default -> status.getReasonPhrase();
        };
        return new ApiProblem(status, status.name(), detail);
    }

    /** Stored bytes that no longer read: an integrity matter for auditors, not a bug to quote an error id for. */
    private static ApiProblem storedEventUnreadable(Throwable failure) {
        log.error("a stored event cannot be read: {}", causeChain(failure));
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "STORED_EVENT_UNREADABLE", "a stored event of this "
                + "waybill cannot be read: it was altered or damaged in the database; an auditor's GET "
                + "/audit/waybills/{id}/verify names the first broken event");
    }

    private static ApiProblem serverError(Throwable failure) {
        // Unique, not secret: UUID.randomUUID() may block on the OS's entropy on an event-loop thread.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String errorId = new UUID(random.nextLong(), random.nextLong()).toString();
        // Exception messages can carry request values, so only the types are logged.
        log.error("unexpected failure {}: {}", errorId, causeChain(failure));
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "the server failed; quote error id " + errorId);
    }

    static HttpStatus statusOf(WaybillErrorCode code) {
        return switch (code) {
            case NOT_PERMITTED, NOT_CUSTODIAN -> HttpStatus.FORBIDDEN;
            case INVALID_TRANSITION, WAYBILL_DISPOSED -> HttpStatus.CONFLICT;
            case PARTNER_NOT_DECLARED -> HttpStatus.NOT_FOUND;
            case INVALID_PARTNER, CARRIER_NOT_PARTNER, UNKNOWN_CARRIER, UNROUTABLE_DESTINATION, DISPOSAL_REASON_REQUIRED,
                 DUPLICATE_REQUEST_MISMATCH -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = Exceptions.unwrap(failure);
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String pathOf(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String causeChain(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getName());
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            chain.append(" <- ").append(t.getClass().getName());
        }
        return chain.toString();
    }
}
