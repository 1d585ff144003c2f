package com.exqress.query.admin;

import com.exqress.platform.web.ApiProblem;
import com.exqress.waybill.api.TrackingStatus;

import java.time.Duration;
import java.util.Arrays;
import java.time.format.DateTimeParseException;

/**
 * Which of a carrier's parcels an admin lists.
 *
 * @param status   only parcels in this status; null for any
 * @param stuckFor only parcels in a status that is not terminal for longer than this; null for any
 */
public record WaybillFilter(TrackingStatus status, Duration stuckFor) {

    /** From query parameters {@code status} and {@code stuckFor}. */
    public static WaybillFilter of(String status, String stuckFor) {
        return new WaybillFilter(status == null ? null : status(status),
                stuckFor == null ? null : positiveDuration(stuckFor));
    }

    private static TrackingStatus status(String value) {
        for (TrackingStatus status : TrackingStatus.values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        throw ApiProblem.invalidField("status", "must be one of " + Arrays.toString(TrackingStatus.values()));
    }

    private static Duration positiveDuration(String value) {
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // refused below, like a duration that is not positive
        }
        throw ApiProblem.invalidField("stuckFor", "must be a positive ISO-8601 duration such as PT48H or P2D");
    }
}
