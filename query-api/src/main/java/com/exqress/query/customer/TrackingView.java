package com.exqress.query.customer;

import com.exqress.waybill.api.TrackingStatus;

import java.time.Instant;
import java.util.List;

/**
 * A parcel as its sender and recipient see it: where it stands, how it got there and who looked at their
 * personal data. Couriers appear by role and carrier only, customers not at all.
 *
 * @param nextStep what should happen next; null once nothing more will
 */
public record TrackingView(String trackingNumber, String carrier, TrackingStatus status, String reason,
                           Instant statusSince, NextStepView nextStep, List<TimelineEntry> timeline,
                           List<Disclosure> disclosures) {

    public TrackingView {
        timeline = List.copyOf(timeline);
        disclosures = List.copyOf(disclosures);
    }

    /** One status change, with the hub it happened at where there was one. */
    public record TimelineEntry(Instant at, TrackingStatus status, String reason, String hub) {
    }

    /** Someone of {@code role} (and {@code carrier}) was shown {@code fields} of the personal data for {@code purpose}. */
    public record Disclosure(Instant at, String role, String carrier, String purpose, List<String> fields) {

        public Disclosure {
            fields = List.copyOf(fields);
        }
    }
}
