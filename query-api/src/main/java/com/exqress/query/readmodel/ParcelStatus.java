package com.exqress.query.readmodel;

import com.exqress.platform.web.ApiProblem;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The tracking status vocabulary as the read model stores it; the projections service defines it
 * ({@code TrackingStatus}). query-api keeps its own copy so that it does not ship the projections service with
 * it, and a test holds the two together.
 */
public enum ParcelStatus {
    INFO_RECEIVED,
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERY_FAILED,
    DELIVERED,
    RETURNED,
    DISPOSED;

    private static final String ALL = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    /** Nothing more is expected to happen to the parcel: it has no next step and is never stuck. */
    public boolean isTerminal() {
        return this == DELIVERED || this == RETURNED || this == DISPOSED;
    }

    /** A status named in a query parameter; anything else is the client's mistake. */
    public static ParcelStatus parse(String parameter, String value) {
        for (ParcelStatus status : values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        throw ApiProblem.invalidField(parameter, "must be one of " + ALL);
    }
}
