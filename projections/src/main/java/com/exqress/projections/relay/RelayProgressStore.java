package com.exqress.projections.relay;

import com.exqress.waybill.tracking.ParcelProgress;
import com.exqress.projections.progress.ParcelProgressColumns;
import com.exqress.waybill.api.WaybillId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Each waybill's progress as the relay last published it, in {@code relay.relay_progress}. It runs in the
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
        return jdbc.sql("SELECT * FROM relay.relay_progress WHERE waybill_id = ?")
                .param(waybillId.value())
                .query((row, number) -> new Relayed(ParcelProgressColumns.read(row), row.getLong("last_sequence")))
                .optional();
    }

    void save(ParcelProgress progress, long sequence) {
        jdbc.sql("""
                        INSERT INTO relay.relay_progress (waybill_id, tracking_number, carrier_id, status, reason,
                            hub, destination_hub, holder_kind, holder_id, holder_carrier, last_mile_courier, status_since,
                            last_sequence)
                        VALUES (:waybillId, :trackingNumber, :carrier, :status, :reason, :hub, :destinationHub,
                            :holderKind, :holderId, :holderCarrier, :lastMileCourier, :statusSince, :sequence)
                        ON CONFLICT (waybill_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason,
                            hub = EXCLUDED.hub, holder_kind = EXCLUDED.holder_kind, holder_id = EXCLUDED.holder_id,
                            holder_carrier = EXCLUDED.holder_carrier, last_mile_courier = EXCLUDED.last_mile_courier,
                            status_since = EXCLUDED.status_since, last_sequence = EXCLUDED.last_sequence
                        """)
                .params(ParcelProgressColumns.parameters(progress))
                .param("sequence", sequence)
                .update();
    }
}
