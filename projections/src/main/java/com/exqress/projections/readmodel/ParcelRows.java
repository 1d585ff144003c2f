package com.exqress.projections.readmodel;

import com.exqress.waybill.tracking.ParcelProgress;
import com.exqress.projections.progress.ParcelProgressColumns;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.PersonalDataDisclosed;
import com.exqress.waybill.api.PersonalField;
import com.exqress.waybill.api.WaybillId;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The SQL behind one copy of the parcel read model. Inside an event processor's batch, writes are held and
 * sent at its commit as JDBC batches, one row per parcel however many of its events the batch held, and a
 * parcel read twice in a batch is read once: a replay then costs a few round trips per batch instead of
 * several per event. Outside a batch every write goes out at once. Parcel writes stay conditional on
 * {@code last_sequence}, so applying an event twice, or an older one late, changes nothing.
 */
public class ParcelRows {

    private final NamedParameterJdbcTemplate jdbc;
    private final String schema;
    private final String batchKey;

    public ParcelRows(NamedParameterJdbcTemplate jdbc, ReadModelColor color) {
        this.jdbc = jdbc;
        this.schema = color.schema();
        this.batchKey = ParcelRows.class.getName() + "/" + color;
    }

    /** The parcel's progress and the sequence number of the last event folded into it, if the parcel is known. */
    Optional<Applied> find(WaybillId waybillId) {
        Pending pending = pending();
        if (pending != null && pending.parcels.containsKey(waybillId)) {
            return Optional.of(pending.parcels.get(waybillId).applied);
        }
        return jdbc.query("SELECT * FROM " + schema + ".parcel WHERE waybill_id = :waybillId",
                        Map.of("waybillId", waybillId.value()),
                        (row, n) -> new Applied(ParcelProgressColumns.read(row), row.getLong("last_sequence")))
                .stream().findFirst();
    }

    /** A new parcel; the caller made sure it is not there yet. */
    void insert(ParcelProgress progress, NewParcel parcel, long sequence) {
        write(new ParcelWrite(new Applied(progress, sequence), parcel));
    }

    /** The progress after the event with {@code sequence}, which the caller checked is newer than the stored one. */
    void update(ParcelProgress progress, long sequence) {
        Pending pending = pending();
        NewParcel created = pending == null || !pending.parcels.containsKey(progress.waybillId()) ? null
                : pending.parcels.get(progress.waybillId()).created;
        write(new ParcelWrite(new Applied(progress, sequence), created));
    }

    void addTimelineStep(ParcelProgress progress, long sequence) {
        MapSqlParameterSource row = new MapSqlParameterSource(ParcelProgressColumns.parameters(progress))
                .addValue("sequence", sequence);
        send(TIMELINE, row, pending -> pending.timeline.add(row));
    }

    void addDisclosure(PersonalDataDisclosed disclosed, long sequence) {
        CarrierId carrier = disclosed.provenance().actor().carrier();
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("waybillId", disclosed.waybillId().value())
                .addValue("sequence", sequence)
                .addValue("at", Timestamp.from(disclosed.provenance().at()))
                .addValue("role", disclosed.provenance().actor().role().name())
                .addValue("carrier", carrier == null ? null : carrier.code())
                .addValue("purpose", disclosed.purpose().name())
                .addValue("fields", disclosed.fields().stream().map(PersonalField::name).sorted().toArray(String[]::new));
        send(DISCLOSURE, row, pending -> pending.disclosures.add(row));
    }

    void countArrival(CarrierId carrier, LocationCode hub, Instant at) {
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("carrier", carrier.code())
                .addValue("hub", hub.value())
                .addValue("hour", Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)));
        send(ARRIVAL, row, pending -> pending.arrivals.add(row));
    }

    /** Wakes whoever listens for this parcel (query-api's live tracking) once the transaction commits. */
    void announceChange(WaybillId waybillId) {
        Pending pending = pending();
        if (pending == null) {
            announce(List.of(waybillId));
        } else {
            pending.announcements.add(waybillId);
        }
    }

    /** Empties this copy, for a rebuild. */
    void truncate() {
        jdbc.getJdbcTemplate().execute("TRUNCATE " + schema + ".parcel, " + schema + ".parcel_timeline, "
                + schema + ".parcel_disclosure, " + schema + ".hub_throughput");
    }

    /** A parcel's progress as stored, and the sequence number of the last event folded into it. */
    record Applied(ParcelProgress progress, long lastSequence) {
    }

    /** What a parcel's row holds besides its progress, known from its creation. */
    record NewParcel(ActorId sender, ActorId recipient, LocationCode originHub, String destinationRegion,
                     Instant createdAt) {
    }

    /** The latest state of one parcel in a batch; {@code created} when the batch also created it. */
    private record ParcelWrite(Applied applied, NewParcel created) {
    }

    private static final String TIMELINE = "INSERT INTO %s.parcel_timeline (waybill_id, sequence, at, status, reason, hub)"
            + " VALUES (:waybillId, :sequence, :statusSince, :status, :reason, :hub) ON CONFLICT DO NOTHING";
    private static final String DISCLOSURE = "INSERT INTO %s.parcel_disclosure (waybill_id, sequence, at, role, carrier_id,"
            + " purpose, fields) VALUES (:waybillId, :sequence, :at, :role, :carrier, :purpose, :fields) ON CONFLICT DO NOTHING";
    private static final String ARRIVAL = "INSERT INTO %s.hub_throughput (carrier_id, hub, hour, arrivals)"
            + " VALUES (:carrier, :hub, :hour, 1) ON CONFLICT (carrier_id, hub, hour)"
            + " DO UPDATE SET arrivals = hub_throughput.arrivals + 1";
    private static final String INSERT = "INSERT INTO %s.parcel (waybill_id, tracking_number, carrier_id, sender_account,"
            + " recipient_account, status, reason, hub, origin_hub, destination_region, destination_hub, holder_kind,"
            + " holder_id, holder_carrier, last_mile_courier, created_at, status_since, last_sequence)"
            + " VALUES (:waybillId, :trackingNumber, :carrier, :sender, :recipient, :status, :reason, :hub, :originHub,"
            + " :destinationRegion, :destinationHub, :holderKind, :holderId, :holderCarrier, :lastMileCourier, :createdAt,"
            + " :statusSince, :sequence) ON CONFLICT (waybill_id) DO NOTHING";
    private static final String UPDATE = "UPDATE %s.parcel SET status = :status, reason = :reason, hub = :hub,"
            + " holder_kind = :holderKind, holder_id = :holderId, holder_carrier = :holderCarrier,"
            + " last_mile_courier = :lastMileCourier, status_since = :statusSince, last_sequence = :sequence"
            + " WHERE waybill_id = :waybillId AND last_sequence < :sequence";

    private void write(ParcelWrite parcel) {
        Pending pending = pending();
        if (pending == null) {
            flushParcels(List.of(parcel));
        } else {
            pending.parcels.put(parcel.applied.progress().waybillId(), parcel);
        }
    }

    private void send(String sql, MapSqlParameterSource row, Consumer<Pending> hold) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql.formatted(schema), row);
        } else {
            hold.accept(pending);
        }
    }

    private void flushParcels(List<ParcelWrite> parcels) {
        List<SqlParameterSource> inserts = new ArrayList<>();
        List<SqlParameterSource> updates = new ArrayList<>();
        for (ParcelWrite parcel : parcels) {
            MapSqlParameterSource row = new MapSqlParameterSource(ParcelProgressColumns.parameters(parcel.applied.progress()))
                    .addValue("sequence", parcel.applied.lastSequence());
            if (parcel.created == null) {
                updates.add(row);
            } else {
                NewParcel created = parcel.created;
                inserts.add(row.addValue("sender", created.sender() == null ? null : created.sender().value())
                        .addValue("recipient", created.recipient() == null ? null : created.recipient().value())
                        .addValue("originHub", created.originHub() == null ? null : created.originHub().value())
                        .addValue("destinationRegion", created.destinationRegion())
                        .addValue("createdAt", Timestamp.from(created.createdAt())));
            }
        }
        batch(INSERT, inserts);
        batch(UPDATE, updates);
    }

    private void announce(Collection<WaybillId> waybills) {
        if (waybills.isEmpty()) {
            return;
        }
        String[] ids = waybills.stream().map(waybillId -> waybillId.value().toString()).toArray(String[]::new);
        jdbc.getJdbcTemplate().query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_notify('parcel_changed', id) FROM unnest(?) AS id");
            statement.setArray(1, connection.createArrayOf("text", ids));
            return statement;
        }, (ResultSet result) -> null);
    }

    private void batch(String sql, List<? extends SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql.formatted(schema), rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** This copy's held writes in the current event processor batch, or null outside one. */
    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(batchKey, key -> {
            Pending pending = new Pending();
            batch.onPrepareCommit(unitOfWork -> pending.flush());
            return pending;
        });
    }

    /** Writes held until the batch commits, in the order they must reach the database. */
    private final class Pending {

        private final Map<WaybillId, ParcelWrite> parcels = new LinkedHashMap<>();
        private final List<SqlParameterSource> timeline = new ArrayList<>();
        private final List<SqlParameterSource> disclosures = new ArrayList<>();
        private final List<SqlParameterSource> arrivals = new ArrayList<>();
        private final Set<WaybillId> announcements = new LinkedHashSet<>();

        void flush() {
            flushParcels(new ArrayList<>(parcels.values()));
            batch(TIMELINE, timeline);
            batch(DISCLOSURE, disclosures);
            batch(ARRIVAL, arrivals);
            announce(announcements);
        }
    }
}
