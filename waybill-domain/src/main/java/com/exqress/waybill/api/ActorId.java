package com.exqress.waybill.api;

import java.util.Objects;

/** The account that acted: a user name or a subject from the identity provider. */
public record ActorId(String value) {

    public ActorId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("actor id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
