package com.exqress.command.web;

import com.exqress.platform.web.ApiProblem;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.RequestKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Builds the provenance of a command from a request: the acting user, the time, where it happened
 * (the given location, else the actor's hub) and the idempotency key with a fingerprint of the request,
 * so a reused key with a different request can be told apart from a retry.
 */
@Component
public class RequestProvenance {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Clock clock;
    private final ObjectMapper objectMapper;

    public RequestProvenance(Clock clock, ObjectMapper objectMapper) {
        this.clock = clock;
        this.objectMapper = objectMapper;
    }

    /**
     * @param action what the request does and to what, for example {@code "handoff " + waybillId}
     * @param body   the validated request body, or null
     */
    public Provenance of(Actor actor, String idempotencyKey, String location, String action, Object body) {
        return new Provenance(actor, clock.instant(), locationOf(actor, location), requestKey(idempotencyKey, action, body));
    }

    private static LocationCode locationOf(Actor actor, String location) {
        if (location == null) {
            return actor.hub();
        }
        if (!LocationCode.isWellFormed(location)) {
            throw ApiProblem.invalidField("location", "must be a hub or location code such as SEL-01");
        }
        return new LocationCode(location);
    }

    private RequestKey requestKey(String idempotencyKey, String action, Object body) {
        if (idempotencyKey == null) {
            return null;
        }
        if (!KEY_FORMAT.matcher(idempotencyKey).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY",
                    "the " + IDEMPOTENCY_KEY + " header must be 1-255 visible ASCII characters, for example a UUID");
        }
        return new RequestKey(idempotencyKey, fingerprint(action, body));
    }

    private String fingerprint(String action, Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(action.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            byte[] json = objectMapper.writeValueAsBytes(body);
            sha256.update(json);
            Arrays.fill(json, (byte) 0);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
