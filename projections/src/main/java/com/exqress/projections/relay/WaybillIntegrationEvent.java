package com.exqress.projections.relay;

import com.exqress.waybill.tracking.ParcelProgress;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.WaybillEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * Schema version 1 of what carrier systems read from the topic, one per waybill event. It says what happened and
 * where the parcel stands, never to whom: no names, phone numbers, addresses, e-mail addresses, notes or account
 * ids. Documented field by field in {@code docs/integration-events.md}.
 *
 * @param eventId    the domain event's identifier: the same event published twice has the same id
 * @param hub        the last hub the parcel was at or left; null before it reached one
 * @param occurredAt when the domain event happened
 * @param sequence   the domain event's position in its waybill's history, from 0
 */
public record WaybillIntegrationEvent(int schemaVersion, String eventId, IntegrationEventType type, UUID waybillId,
                                      String trackingNumber, String carrier, TrackingStatus status, String reason,
                                      String hub, Instant occurredAt, long sequence) {

    public static final int SCHEMA_VERSION = 1;

    /** The integration event for {@code event}, given the parcel's progress once it happened. */
    public static WaybillIntegrationEvent of(WaybillEvent event, String eventId, long sequence, ParcelProgress progress) {
        LocationCode hub = progress.hub();
        return new WaybillIntegrationEvent(SCHEMA_VERSION, eventId, IntegrationEventType.of(event.getClass()),
                event.waybillId().value(), progress.trackingNumber().value(), progress.carrier().code(),
                progress.status(), progress.reason(), hub == null ? null : hub.value(), event.provenance().at(),
                sequence);
    }
}
