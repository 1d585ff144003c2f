package com.exqress.projections.audit;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Indexes every waybill event by who did what, where and when. Idempotent on the event id, so a replay or a
 * redelivery adds nothing. Most events carry neither tracking number nor carrier; they come from the waybill's
 * first row, which its WaybillCreated wrote: one waybill's events are handled in order by one segment.
 */
@Component
@ProcessingGroup(AuditIndex.PROCESSING_GROUP)
public class AuditIndex {

    public static final String PROCESSING_GROUP = "audit-index";

    private final JdbcClient jdbc;

    public AuditIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(WaybillEvent event, DomainEventMessage<?> message) {
        Waybill waybill = event instanceof WaybillCreated created
                ? new Waybill(created.trackingNumber().value(), created.carrier().code())
                : waybill(event, message.getSequenceNumber());
        Provenance provenance = event.provenance();
        Actor actor = provenance.actor();
        jdbc.sql("""
                        INSERT INTO audit.audit_event (event_id, waybill_id, sequence, tracking_number, carrier_id,
                            event_type, actor_id, actor_role, actor_carrier, hub, event_time, recorded_at)
                        VALUES (:eventId, :waybillId, :sequence, :trackingNumber, :carrier, :type, :actorId,
                            :actorRole, :actorCarrier, :hub, :eventTime, :recordedAt)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .param("eventId", message.getIdentifier())
                .param("waybillId", event.waybillId().value())
                .param("sequence", message.getSequenceNumber())
                .param("trackingNumber", waybill.trackingNumber())
                .param("carrier", waybill.carrier())
                .param("type", event.getClass().getSimpleName())
                .param("actorId", actor.id().value())
                .param("actorRole", actor.role().name())
                .param("actorCarrier", actor.carrier() == null ? null : actor.carrier().code())
                // Where it happened: the place the actor gave, else the hub they are posted at.
                .param("hub", code(provenance.location() != null ? provenance.location() : actor.hub()))
                .param("eventTime", timestamp(provenance.at()))
                .param("recordedAt", timestamp(message.getTimestamp()))
                .update();
    }

    /** Fails loudly, and the processor retries: an index row without its tracking number could never be found. */
    private Waybill waybill(WaybillEvent event, long sequence) {
        return jdbc.sql("SELECT tracking_number, carrier_id FROM audit.audit_event WHERE waybill_id = ? AND sequence = 0")
                .param(event.waybillId().value())
                .query((row, number) -> new Waybill(row.getString("tracking_number"), row.getString("carrier_id")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no indexed WaybillCreated for waybill "
                        + event.waybillId() + " before its event #" + sequence
                        + ": the audit index must start from the beginning of the event stream"));
    }

    private static String code(LocationCode location) {
        return location == null ? null : location.value();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Waybill(String trackingNumber, String carrier) {
    }
}
