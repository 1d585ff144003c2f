package com.exqress.query.courier;

import com.exqress.waybill.api.TrackingStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One parcel in a courier's list: what the courier needs to find it and to scan it, and nothing about its
 * sender or recipient.
 *
 * @param hub the last hub the parcel was at or left
 */
public record CourierParcel(UUID waybillId, String trackingNumber, String carrier, TrackingStatus status, String reason,
                            Instant statusSince, String hub) {
}
