package com.exqress.projections.relay;

import com.exqress.projections.progress.ParcelProgress;
import com.exqress.projections.progress.TrackingStatus;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.WaybillId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Each waybill's progress as the relay last published it, in {@code projections.relay_progress}. It runs in the
 * transaction of the relay's event processor, so a row and the processor's token always move together.
 */
@Component
class RelayProgressStore {

    /** A waybill's progress after the event with sequence number {@code lastSequence}. */
    record Relayed(ParcelProgress progress, long lastSequence) {
    }

    private final JdbcClient jdbc;

    RelayProgressStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Relayed> find(WaybillId waybillId) {
        return jdbc.sql("SELECT * FROM projections.relay_progress WHERE waybill_id = ?")
                .param(waybillId.value())
                .query((row, number) -> relayed(row))
                .optional();
    }

    void save(ParcelProgress progress, long sequence) {
        Custodian holder = progress.holder();
        jdbc.sql("""
                        INSERT INTO projections.relay_progress (waybill_id, tracking_number, carrier_id, status, reason,
                            hub, destination_hub, holder_kind, holder_id, holder_carrier, last_mile_courier, changed_at,
                            last_sequence)
                        VALUES (:waybillId, :trackingNumber, :carrier, :status, :reason, :hub, :destinationHub,
                            :holderKind, :holderId, :holderCarrier, :lastMileCourier, :changedAt, :sequence)
                        ON CONFLICT (waybill_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason,
                            hub = EXCLUDED.hub, holder_kind = EXCLUDED.holder_kind, holder_id = EXCLUDED.holder_id,
                            holder_carrier = EXCLUDED.holder_carrier, last_mile_courier = EXCLUDED.last_mile_courier,
                            changed_at = EXCLUDED.changed_at, last_sequence = EXCLUDED.last_sequence
                        """)
                .param("waybillId", progress.waybillId().value())
                .param("trackingNumber", progress.trackingNumber().value())
                .param("carrier", progress.carrier().code())
                .param("status", progress.status().name())
                .param("reason", progress.reason())
                .param("hub", progress.hub() == null ? null : progress.hub().value())
                .param("destinationHub", progress.destinationHub().value())
                .param("holderKind", holder == null ? null : holder.kind().name())
                .param("holderId", holder == null ? null : holder.id())
                .param("holderCarrier", holder == null || holder.carrier() == null ? null : holder.carrier().code())
                .param("lastMileCourier", progress.lastMileCourier() == null ? null : progress.lastMileCourier().value())
                .param("changedAt", progress.changedAt().atOffset(ZoneOffset.UTC))
                .param("sequence", sequence)
                .update();
    }

    private static Relayed relayed(ResultSet row) throws SQLException {
        String hub = row.getString("hub");
        String holderKind = row.getString("holder_kind");
        String holderCarrier = row.getString("holder_carrier");
        String lastMileCourier = row.getString("last_mile_courier");
        Custodian holder = holderKind == null ? null : new Custodian(CustodianKind.valueOf(holderKind),
                row.getString("holder_id"), holderCarrier == null ? null : new CarrierId(holderCarrier));
        ParcelProgress progress = new ParcelProgress(
                new WaybillId(row.getObject("waybill_id", UUID.class)),
                new TrackingNumber(row.getString("tracking_number")),
                new CarrierId(row.getString("carrier_id")),
                TrackingStatus.valueOf(row.getString("status")),
                row.getString("reason"),
                hub == null ? null : new LocationCode(hub),
                new LocationCode(row.getString("destination_hub")),
                holder,
                lastMileCourier == null ? null : new ActorId(lastMileCourier),
                row.getObject("changed_at", OffsetDateTime.class).toInstant());
        return new Relayed(progress, row.getLong("last_sequence"));
    }
}
