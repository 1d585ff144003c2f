package com.exqress.query.audit;

import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.TrackingStatus;

import java.time.Instant;

/**
 * A waybill as it stood at {@code asOf}, replayed from the events whose event time is not after it.
 *
 * @param changedAt    when the status or reason last changed
 * @param holder       who held the parcel, null once delivered or disposed
 * @param activeLabels label references printed and not revoked (normally 0 or 1)
 * @param lastSequence the sequence of the last event replayed
 */
public record WaybillState(String waybillId, Instant asOf, String trackingNumber, String carrier,
                           TrackingStatus status, String reason, Instant changedAt, Holder holder, String hub,
                           String destinationHub, int activeLabels, int revokedLabels, boolean disposed,
                           long lastSequence) {

    /**
     * The holder by kind, carrier and hub only: a courier's or sender's account id is not what an auditor needs to
     * see the state, and the history names the actors anyway.
     *
     * @param hub the hub code when a hub holds the parcel, else null
     */
    public record Holder(CustodianKind kind, String carrier, String hub) {
    }
}
