package com.exqress.command.retention;

import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillDelivered;
import com.exqress.waybill.api.WaybillDisposed;
import com.exqress.waybill.api.WaybillId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Which waybills still exist, for which carrier, and since when each is delivered: table {@code retention_due}.
 * A tracking processor from the start of the event stream (see {@link RetentionConfiguration}), so it also
 * schedules the waybills delivered before it existed. Every handler may run again for the same event after a
 * replay or a retry, and leaves the same row behind.
 */
@Component
@ProcessingGroup(RetentionSchedule.PROCESSING_GROUP)
public class RetentionSchedule {

    public static final String PROCESSING_GROUP = "retention-schedule";

    private final JdbcClient jdbc;

    public RetentionSchedule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WaybillCreated event) {
        jdbc.sql("INSERT INTO retention_due (waybill_id, carrier_id) VALUES (?, ?) ON CONFLICT (waybill_id) DO NOTHING")
                .params(event.waybillId().value(), event.carrier().code())
                .update();
    }

    @EventHandler
    void on(WaybillDelivered event) {
        jdbc.sql("UPDATE retention_due SET delivered_at = ? WHERE waybill_id = ?")
                .params(timestamp(event.provenance().at()), event.waybillId().value())
                .update();
    }

    @EventHandler
    void on(WaybillDisposed event) {
        forget(event.waybillId());
    }

    /**
     * Up to {@code limit} waybills delivered before {@code deliveredBefore}, oldest delivery first; after
     * {@code after} in that order, or from the first when it is null.
     */
    List<DueWaybill> due(Instant deliveredBefore, DueWaybill after, int limit) {
        String sql = "SELECT waybill_id, carrier_id, delivered_at FROM retention_due WHERE delivered_at < :before"
                + (after == null ? "" : " AND (delivered_at, waybill_id) > (:afterDeliveredAt, :afterWaybillId)")
                + " ORDER BY delivered_at, waybill_id LIMIT :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("before", timestamp(deliveredBefore))
                .param("limit", limit);
        if (after != null) {
            statement = statement.param("afterDeliveredAt", timestamp(after.deliveredAt()))
                    .param("afterWaybillId", after.waybillId().value());
        }
        return statement.query((row, number) -> new DueWaybill(
                        new WaybillId(row.getObject("waybill_id", UUID.class)),
                        new CarrierId(row.getString("carrier_id")),
                        row.getObject("delivered_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The waybill is disposed of: there is nothing left to schedule. */
    void forget(WaybillId waybill) {
        jdbc.sql("DELETE FROM retention_due WHERE waybill_id = ?").param(waybill.value()).update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A delivered waybill on the schedule; where one sweep batch ends, the next begins. */
    record DueWaybill(WaybillId waybillId, CarrierId carrier, Instant deliveredAt) {
    }
}
