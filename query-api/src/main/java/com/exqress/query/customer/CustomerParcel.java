package com.exqress.query.customer;

import com.exqress.waybill.api.TrackingStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One parcel in a customer's list. The waybill id is what the command endpoints take, for example a
 * recipient's disposal.
 */
public record CustomerParcel(UUID waybillId, String trackingNumber, String carrier, TrackingStatus status,
                             String reason, Instant statusSince, Instant createdAt) {
}
