package com.exqress.waybill.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What an auditor needs on every command and event: who acted, when, where, and under which
 * client request. {@code location} and {@code request} are null where the caller gave none.
 */
public record Provenance(Actor actor, Instant at, LocationCode location, RequestKey request) {

    public Provenance {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
