package com.exqress.query.audit;

import com.exqress.waybill.api.Role;

import java.time.Instant;
import java.util.UUID;

/**
 * One event found by an audit search: which waybill, what happened, who did it, where and when. The event itself
 * is in the waybill's history ({@code /audit/waybills/{id}/history}).
 *
 * @param type       the event's type, as in the history, e.g. {@code ParcelScanned}
 * @param hub        where the actor said it acted, else the hub it is posted at; null for neither
 * @param eventTime  when the platform accepted the request (provenance), the time searches filter and sort by
 * @param recordedAt when the event store stored the event
 */
public record AuditEvent(UUID waybillId, long sequence, String trackingNumber, String carrier, String type,
                         By actor, String hub, Instant eventTime, Instant recordedAt) {

    /** @param carrier the carrier the actor works for; null for customers and auditors */
    public record By(String id, Role role, String carrier) {
    }
}
