package com.exqress.waybill.api;

import java.util.Objects;
import java.util.UUID;

/** A waybill's identity: a random UUID, never shown on a label. */
public record WaybillId(UUID value) {

    public WaybillId {
        Objects.requireNonNull(value, "value");
    }

    public static WaybillId random() {
        return new WaybillId(UUID.randomUUID());
    }

    public static WaybillId parse(String text) {
        return new WaybillId(UUID.fromString(text));
    }

    /** Axon stores the aggregate identifier as {@code toString()}, so this is the raw value. */
    @Override
    public String toString() {
        return value.toString();
    }
}
