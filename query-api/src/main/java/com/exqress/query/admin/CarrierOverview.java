package com.exqress.query.admin;

import com.exqress.waybill.api.TrackingStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A carrier's parcels at a glance.
 *
 * @param byStatus         how many parcels are in each status, every status named, in the vocabulary's order
 * @param stuck            per status that is not terminal: its threshold and how many parcels have been in it longer
 * @param since            the start of the window of {@code failedDeliveries} and {@code throughput}: the last 24
 *                         hours, by the hour
 * @param failedDeliveries delivery attempts that failed in the window
 * @param throughput       parcels arriving at each hub, per hour of the window that had any
 */
public record CarrierOverview(String carrier, Instant asOf, Map<TrackingStatus, Long> byStatus, List<Stuck> stuck,
                              Instant since, long failedDeliveries, List<HubHour> throughput) {

    public CarrierOverview {
        byStatus = Collections.unmodifiableMap(new EnumMap<>(byStatus));
        stuck = List.copyOf(stuck);
        throughput = List.copyOf(throughput);
    }

    /** List them with {@code /admin/carriers/{carrier}/waybills?status=<status>&stuckFor=<after>}. */
    public record Stuck(TrackingStatus status, Duration after, long parcels) {
    }

    public record HubHour(String hub, Instant hour, int arrivals) {
    }
}
