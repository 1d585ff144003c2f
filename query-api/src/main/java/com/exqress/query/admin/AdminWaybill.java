package com.exqress.query.admin;

import com.exqress.waybill.api.TrackingStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One parcel in an admin's list.
 *
 * @param hub             the last hub the parcel was at or left
 * @param holderKind      who holds it: SENDER, CARRIER_DESK, COURIER or HUB
 * @param holderId        the courier's account, hub or desk that holds it; only for the carrier's own admins and
 *                        never a sender's account
 * @param lastMileCourier the courier out delivering it; only for the carrier's own admins
 */
public record AdminWaybill(UUID waybillId, String trackingNumber, TrackingStatus status, String reason,
                           Instant statusSince, Instant createdAt, String hub, String originHub,
                           String destinationRegion, String destinationHub, String holderKind, String holderId,
                           String lastMileCourier) {
}
