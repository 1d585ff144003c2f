package com.exqress.projections.readmodel;

import com.exqress.projections.progress.ParcelProgress;
import com.exqress.projections.progress.ParcelProgressColumns;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.PersonalDataDisclosed;
import com.exqress.waybill.api.PersonalField;
import com.exqress.waybill.api.WaybillId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The SQL behind one copy of the parcel read model. Every write that follows an event is conditional on the
 * parcel's {@code last_sequence}, so applying an event twice, or an older one late, changes nothing.
 */
public class ParcelRows {

    private final JdbcClient jdbc;
    private final String schema;

    public ParcelRows(JdbcClient jdbc, ReadModelColor color) {
        this.jdbc = jdbc;
        this.schema = color.schema();
    }

    /** Inserts a new parcel; false if it is already there (the creation event seen before). */
    boolean insert(ParcelProgress progress, ActorId sender, ActorId recipient, LocationCode originHub,
                   String destinationRegion, Instant createdAt, long sequence) {
        return jdbc.sql("INSERT INTO " + schema + ".parcel (waybill_id, tracking_number, carrier_id, sender_account,"
                        + " recipient_account, status, reason, hub, origin_hub, destination_region, destination_hub,"
                        + " holder_kind, holder_id, holder_carrier, last_mile_courier, created_at, status_since, last_sequence)"
                        + " VALUES (:waybillId, :trackingNumber, :carrier, :sender, :recipient, :status, :reason, :hub,"
                        + " :originHub, :destinationRegion, :destinationHub, :holderKind, :holderId, :holderCarrier,"
                        + " :lastMileCourier, :createdAt, :statusSince, :sequence) ON CONFLICT (waybill_id) DO NOTHING")
                .params(ParcelProgressColumns.parameters(progress))
                .param("sender", sender == null ? null : sender.value())
                .param("recipient", recipient == null ? null : recipient.value())
                .param("originHub", originHub == null ? null : originHub.value())
                .param("destinationRegion", destinationRegion)
                .param("createdAt", Timestamp.from(createdAt))
                .param("sequence", sequence)
                .update() == 1;
    }

    /** The parcel's progress and the sequence number of the last event folded into it, if the parcel is known. */
    Optional<Applied> find(WaybillId waybillId) {
        return jdbc.sql("SELECT * FROM " + schema + ".parcel WHERE waybill_id = ?")
                .param(waybillId.value())
                .query((row, n) -> new Applied(ParcelProgressColumns.read(row), row.getLong("last_sequence")))
                .optional();
    }

    /** Stores the progress after the event with {@code sequence}; false if that event was applied before. */
    boolean update(ParcelProgress progress, long sequence) {
        return jdbc.sql("UPDATE " + schema + ".parcel SET status = :status, reason = :reason, hub = :hub,"
                        + " holder_kind = :holderKind, holder_id = :holderId, holder_carrier = :holderCarrier,"
                        + " last_mile_courier = :lastMileCourier, status_since = :statusSince, last_sequence = :sequence"
                        + " WHERE waybill_id = :waybillId AND last_sequence < :sequence")
                .params(ParcelProgressColumns.parameters(progress))
                .param("sequence", sequence)
                .update() == 1;
    }

    void addTimelineStep(ParcelProgress progress, long sequence) {
        jdbc.sql("INSERT INTO " + schema + ".parcel_timeline (waybill_id, sequence, at, status, reason, hub)"
                        + " VALUES (:waybillId, :sequence, :statusSince, :status, :reason, :hub) ON CONFLICT DO NOTHING")
                .params(ParcelProgressColumns.parameters(progress))
                .param("sequence", sequence)
                .update();
    }

    void addDisclosure(PersonalDataDisclosed disclosed, long sequence) {
        CarrierId carrier = disclosed.provenance().actor().carrier();
        String[] fields = disclosed.fields().stream().map(PersonalField::name).sorted().toArray(String[]::new);
        jdbc.sql("INSERT INTO " + schema + ".parcel_disclosure (waybill_id, sequence, at, role, carrier_id, purpose, fields)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(disclosed.waybillId().value(), sequence, Timestamp.from(disclosed.provenance().at()),
                        disclosed.provenance().actor().role().name(), carrier == null ? null : carrier.code(),
                        disclosed.purpose().name(), fields)
                .update();
    }

    void countArrival(CarrierId carrier, LocationCode hub, Instant at) {
        jdbc.sql("INSERT INTO " + schema + ".hub_throughput (carrier_id, hub, hour, arrivals) VALUES (?, ?, ?, 1)"
                        + " ON CONFLICT (carrier_id, hub, hour) DO UPDATE SET arrivals = hub_throughput.arrivals + 1")
                .params(carrier.code(), hub.value(), Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)))
                .update();
    }

    /** Empties this copy, for a rebuild. */
    void truncate() {
        jdbc.sql("TRUNCATE " + schema + ".parcel, " + schema + ".parcel_timeline, " + schema + ".parcel_disclosure, "
                + schema + ".hub_throughput").update();
    }

    /** Wakes whoever listens for this parcel (query-api's live tracking) once the transaction commits. */
    void announceChange(WaybillId waybillId) {
        jdbc.sql("SELECT pg_notify('parcel_changed', ?)").param(waybillId.value().toString()).query().listOfRows();
    }

    /** A parcel's progress as stored, and the sequence number of the last event folded into it. */
    record Applied(ParcelProgress progress, long lastSequence) {
    }
}
