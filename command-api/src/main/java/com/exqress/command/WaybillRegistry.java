package com.exqress.command;

import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.RequestKey;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.WaybillId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code waybill_creation} table: which tracking numbers are taken, and which client request
 * created which waybill. Used inside the transaction that appends the WaybillCreated event.
 */
@Repository
public class WaybillRegistry {

    private final JdbcTemplate jdbc;

    public WaybillRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A waybill created earlier by a request. */
    public record Registration(WaybillId waybillId, TrackingNumber trackingNumber, String fingerprint) {
    }

    /**
     * Claims the id and tracking number for this request; false when any of them is already taken.
     * A concurrent claim of the same request waits here until the other transaction ends.
     */
    public boolean claim(WaybillId waybillId, TrackingNumber trackingNumber, ActorId actor, RequestKey request,
                         Instant at) {
        int inserted = jdbc.update("""
                        INSERT INTO waybill_creation
                            (waybill_id, tracking_number, actor_id, idempotency_key, fingerprint, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        """, waybillId.value(), trackingNumber.value(), actor.value(),
                request == null ? null : request.idempotencyKey(), request == null ? null : request.fingerprint(),
                Timestamp.from(at));
        return inserted == 1;
    }

    public Optional<Registration> findByRequest(ActorId actor, String idempotencyKey) {
        return jdbc.query("""
                        SELECT waybill_id, tracking_number, fingerprint FROM waybill_creation
                        WHERE actor_id = ? AND idempotency_key = ?
                        """, (row, n) -> new Registration(new WaybillId(row.getObject("waybill_id", UUID.class)),
                        new TrackingNumber(row.getString("tracking_number")), row.getString("fingerprint")),
                actor.value(), idempotencyKey).stream().findFirst();
    }
}
