package com.exqress.projections.readmodel;

import com.exqress.projections.progress.ParcelProgress;
import com.exqress.projections.progress.TrackingStatus;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.PersonalDataDisclosed;
import com.exqress.waybill.api.PersonalField;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.WaybillId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL behind one copy of the parcel read model. Every write that follows an event is conditional on the
 * parcel's {@code last_sequence}, so applying an event twice, or an older one late, changes nothing.
 */
public class ParcelRows {

    private final JdbcTemplate jdbc;
    private final String schema;

    public ParcelRows(JdbcTemplate jdbc, ReadModelColor color) {
        this.jdbc = jdbc;
        this.schema = color.schema();
    }

    /** Inserts a new parcel; false if it is already there (the creation event seen before). */
    boolean insert(ParcelProgress progress, ActorId sender, ActorId recipient, LocationCode originHub,
                   String destinationRegion, Instant createdAt, long sequence) {
        Custodian holder = progress.holder();
        return jdbc.update("INSERT INTO " + schema + ".parcel (waybill_id, tracking_number, carrier_id, sender_account,"
                        + " recipient_account, status, reason, hub, origin_hub, destination_region, destination_hub,"
                        + " holder_kind, holder_id, holder_carrier, last_mile_courier, created_at, status_since, last_sequence)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (waybill_id) DO NOTHING",
                progress.waybillId().value(), progress.trackingNumber().value(), progress.carrier().code(),
                value(sender), value(recipient), progress.status().name(), progress.reason(), value(progress.hub()),
                value(originHub), destinationRegion, value(progress.destinationHub()),
                kindOf(holder), idOf(holder), carrierOf(holder),
                value(progress.lastMileCourier()), Timestamp.from(createdAt), Timestamp.from(progress.changedAt()),
                sequence) == 1;
    }

    /** The parcel's progress and the last sequence applied to it, if the parcel is known. */
    Optional<Applied> find(WaybillId waybillId) {
        return jdbc.query("SELECT * FROM " + schema + ".parcel WHERE waybill_id = ?", ParcelRows::applied,
                waybillId.value()).stream().findFirst();
    }

    /** Stores the progress after the event with {@code sequence}; false if that event was applied before. */
    boolean update(ParcelProgress progress, long sequence) {
        Custodian holder = progress.holder();
        return jdbc.update("UPDATE " + schema + ".parcel SET status = ?, reason = ?, hub = ?, holder_kind = ?, holder_id = ?,"
                        + " holder_carrier = ?, last_mile_courier = ?, status_since = ?, last_sequence = ?"
                        + " WHERE waybill_id = ? AND last_sequence < ?",
                progress.status().name(), progress.reason(), value(progress.hub()),
                kindOf(holder), idOf(holder), carrierOf(holder),
                value(progress.lastMileCourier()), Timestamp.from(progress.changedAt()), sequence,
                progress.waybillId().value(), sequence) == 1;
    }

    void addTimelineStep(ParcelProgress progress, long sequence) {
        jdbc.update("INSERT INTO " + schema + ".parcel_timeline (waybill_id, sequence, at, status, reason, hub)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                progress.waybillId().value(), sequence, Timestamp.from(progress.changedAt()), progress.status().name(),
                progress.reason(), value(progress.hub()));
    }

    void addDisclosure(PersonalDataDisclosed disclosed, long sequence) {
        CarrierId carrier = disclosed.provenance().actor().carrier();
        String[] fields = disclosed.fields().stream().map(PersonalField::name).sorted().toArray(String[]::new);
        jdbc.update("INSERT INTO " + schema + ".parcel_disclosure (waybill_id, sequence, at, role, carrier_id, purpose, fields)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                disclosed.waybillId().value(), sequence, Timestamp.from(disclosed.provenance().at()),
                disclosed.provenance().actor().role().name(), carrier == null ? null : carrier.code(),
                disclosed.purpose().name(), fields);
    }

    void countArrival(CarrierId carrier, LocationCode hub, Instant at) {
        jdbc.update("INSERT INTO " + schema + ".hub_throughput (carrier_id, hub, hour, arrivals) VALUES (?, ?, ?, 1)"
                        + " ON CONFLICT (carrier_id, hub, hour) DO UPDATE SET arrivals = hub_throughput.arrivals + 1",
                carrier.code(), hub.value(), Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)));
    }

    /** Empties this copy, for a rebuild. */
    void truncate() {
        jdbc.execute("TRUNCATE " + schema + ".parcel, " + schema + ".parcel_timeline, " + schema + ".parcel_disclosure, "
                + schema + ".hub_throughput");
    }

    /** Wakes whoever listens for this parcel (query-api's live tracking) once the transaction commits. */
    void announceChange(WaybillId waybillId) {
        jdbc.queryForList("SELECT pg_notify('parcel_changed', ?)", waybillId.value().toString());
    }

    /** A parcel's progress as stored, and the sequence number of the last event folded into it. */
    record Applied(ParcelProgress progress, long lastSequence) {
    }

    private static Applied applied(ResultSet row, int n) throws SQLException {
        String holderKind = row.getString("holder_kind");
        String holderCarrier = row.getString("holder_carrier");
        Custodian holder = holderKind == null ? null : new Custodian(CustodianKind.valueOf(holderKind),
                row.getString("holder_id"), holderCarrier == null ? null : new CarrierId(holderCarrier));
        String hub = row.getString("hub");
        String lastMile = row.getString("last_mile_courier");
        ParcelProgress progress = new ParcelProgress(new WaybillId(row.getObject("waybill_id", UUID.class)),
                new TrackingNumber(row.getString("tracking_number")), new CarrierId(row.getString("carrier_id")),
                TrackingStatus.valueOf(row.getString("status")), row.getString("reason"),
                hub == null ? null : new LocationCode(hub), new LocationCode(row.getString("destination_hub")),
                holder, lastMile == null ? null : new ActorId(lastMile), row.getTimestamp("status_since").toInstant());
        return new Applied(progress, row.getLong("last_sequence"));
    }

    private static String value(ActorId actor) {
        return actor == null ? null : actor.value();
    }

    private static String value(LocationCode location) {
        return location == null ? null : location.value();
    }

    private static String kindOf(Custodian holder) {
        return holder == null ? null : holder.kind().name();
    }

    private static String idOf(Custodian holder) {
        return holder == null ? null : holder.id();
    }

    private static String carrierOf(Custodian holder) {
        return holder == null || holder.carrier() == null ? null : holder.carrier().code();
    }
}
