package com.exqress.platform.carrier;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * One carrier as configured: its display name, the time zone its labels are dated in, its hubs and its
 * routing table. Its partners are not configuration: its admins declare them (CarrierPartnerships).
 */
public record Carrier(String id, String name, ZoneId timeZone, Set<String> hubs, List<Route> routes) {

    /** Postal codes starting with {@code postalPrefix} go to {@code region} through {@code hub}. */
    public record Route(String postalPrefix, String region, String hub) {
    }
}
