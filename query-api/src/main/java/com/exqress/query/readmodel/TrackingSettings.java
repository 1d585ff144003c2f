package com.exqress.query.readmodel;

import com.exqress.waybill.api.TrackingStatus;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code exqress.tracking.*}: when a parcel counts as stuck, and how often a live view says it is still there.
 *
 * @param stuckAfter          how long a parcel may stay in a status that is not terminal before it is stuck
 * @param stuckAfterPerStatus the same for single statuses, e.g. {@code stuck-after-per-status.out-for-delivery=PT12H}
 * @param heartbeat           how often a live tracking view sends a comment, so proxies keep an idle stream open
 */
@ConfigurationProperties("exqress.tracking")
public record TrackingSettings(@DefaultValue("PT48H") Duration stuckAfter,
                               Map<TrackingStatus, Duration> stuckAfterPerStatus,
                               @DefaultValue("PT15S") Duration heartbeat) {

    public TrackingSettings {
        stuckAfterPerStatus = stuckAfterPerStatus == null ? Map.of() : Map.copyOf(stuckAfterPerStatus);
        requirePositive("stuck-after", stuckAfter);
        requirePositive("heartbeat", heartbeat);
        stuckAfterPerStatus.forEach((status, after) -> {
            if (status.isTerminal()) {
                throw new IllegalArgumentException("exqress.tracking.stuck-after-per-status: a " + status
                        + " parcel is never stuck");
            }
            requirePositive("stuck-after-per-status." + status, after);
        });
    }

    /** The threshold of every status that is not terminal, in the vocabulary's order. */
    public Map<TrackingStatus, Duration> stuckThresholds() {
        Map<TrackingStatus, Duration> thresholds = new EnumMap<>(TrackingStatus.class);
        for (TrackingStatus status : TrackingStatus.values()) {
            if (!status.isTerminal()) {
                thresholds.put(status, stuckAfterPerStatus.getOrDefault(status, stuckAfter));
            }
        }
        return thresholds;
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("exqress.tracking." + name + " must be a positive duration");
        }
    }
}
