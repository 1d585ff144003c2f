package com.exqress.query.admin;

import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.CarrierIds;
import com.exqress.query.admin.CarrierOverview.HubHour;
import com.exqress.query.admin.CarrierOverview.Stuck;
import com.exqress.query.readmodel.Cursor;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.query.readmodel.ReadModelSnapshot;
import com.exqress.query.readmodel.Rows;
import com.exqress.query.readmodel.TrackingSettings;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A carrier's parcels for its admins and for platform admins, from the read model. Blocking: call it off the
 * event loop.
 */
@Component
public class CarrierOperations {

    private static final String BY_STATUS = """
            SELECT status, count(*) AS parcels FROM projections.parcel WHERE carrier_id = ? GROUP BY status
            """;
    private static final String STUCK = """
            SELECT count(*) FROM projections.parcel WHERE carrier_id = ? AND status = ? AND status_since < ?
            """;
    private static final String FAILED_DELIVERIES = """
            SELECT count(*) FROM projections.parcel_timeline t JOIN projections.parcel p ON p.waybill_id = t.waybill_id
            WHERE p.carrier_id = ? AND t.status = ? AND t.at >= ?
            """;
    private static final String THROUGHPUT = """
            SELECT hub, hour, arrivals FROM projections.hub_throughput WHERE carrier_id = ? AND hour >= ? ORDER BY hub, hour
            """;
    // Longest in its status first: what an admin chasing stuck parcels looks at first. A parcel that changes
    // status while the admin pages moves to the end of the list, so it may show up again but none is skipped.
    private static final String WAYBILLS = """
            SELECT waybill_id, tracking_number, status, reason, status_since, created_at, hub, origin_hub,
                   destination_region, destination_hub, holder_kind, holder_id, last_mile_courier
            FROM projections.parcel
            WHERE carrier_id = ? %s
            ORDER BY status_since, waybill_id
            LIMIT ?
            """;
    private static final List<TrackingStatus> NOT_TERMINAL = Arrays.stream(TrackingStatus.values())
            .filter(status -> !status.isTerminal()).toList();

    private final JdbcTemplate jdbc;
    private final ReadModelSnapshot snapshot;
    private final CarrierDirectory carriers;
    private final TrackingSettings settings;
    private final Clock clock;

    public CarrierOperations(JdbcTemplate jdbc, ReadModelSnapshot snapshot, CarrierDirectory carriers,
                             TrackingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.carriers = carriers;
        this.settings = settings;
        this.clock = clock;
    }

    public CarrierOverview overview(Actor actor, String carrierId) {
        CarrierId carrier = authorize(actor, carrierId);
        Instant now = clock.instant();
        Instant since = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(23));
        return snapshot.read(transaction -> {
            Map<TrackingStatus, Long> byStatus = new EnumMap<>(TrackingStatus.class);
            for (TrackingStatus status : TrackingStatus.values()) {
                byStatus.put(status, 0L);
            }
            jdbc.query(BY_STATUS, (ResultSet row) -> {
                byStatus.put(TrackingStatus.valueOf(row.getString("status")), row.getLong("parcels"));
            }, carrier.code());
            List<Stuck> stuck = new ArrayList<>();
            settings.stuckThresholds().forEach((status, after) -> stuck.add(new Stuck(status, after,
                    count(STUCK, carrier.code(), status.name(), Rows.timestamp(now.minus(after))))));
            long failedDeliveries = count(FAILED_DELIVERIES, carrier.code(), TrackingStatus.DELIVERY_FAILED.name(),
                    Rows.timestamp(since));
            List<HubHour> throughput = jdbc.query(THROUGHPUT, (row, number) -> new HubHour(row.getString("hub"),
                    Rows.instant(row, "hour"), row.getInt("arrivals")), carrier.code(), Rows.timestamp(since));
            return new CarrierOverview(carrier.code(), now, byStatus, stuck, since, failedDeliveries, throughput);
        });
    }

    public Page<AdminWaybill> waybills(Actor actor, String carrierId, WaybillFilter filter, PageRequest page) {
        CarrierId carrier = authorize(actor, carrierId);
        boolean ownAdmin = actor.isCarrierAdminOf(carrier);
        StringBuilder conditions = new StringBuilder();
        List<Object> parameters = new ArrayList<>(List.of(carrier.code()));
        if (filter.status() != null) {
            conditions.append(" AND status = ?");
            parameters.add(filter.status().name());
        }
        if (filter.stuckFor() != null) {
            conditions.append(" AND status IN (").append(String.join(", ", Collections.nCopies(NOT_TERMINAL.size(), "?")))
                    .append(") AND status_since < ?");
            NOT_TERMINAL.forEach(status -> parameters.add(status.name()));
            parameters.add(Rows.timestamp(clock.instant().minus(filter.stuckFor())));
        }
        if (page.after() != null) {
            conditions.append(" AND (status_since, waybill_id) > (?, ?)");
            parameters.add(Rows.timestamp(page.after().instant(0)));
            parameters.add(page.after().uuid(1));
        }
        parameters.add(page.rowsToFetch());
        List<AdminWaybill> rows = jdbc.query(WAYBILLS.formatted(conditions), (row, number) -> waybill(row, ownAdmin),
                parameters.toArray());
        return Page.of(rows, page, waybill -> Cursor.of(waybill.statusSince(), waybill.waybillId()));
    }

    /** Unknown carriers are not found for anyone, as in command-api; known ones are for their admins and platform admins. */
    private CarrierId authorize(Actor actor, String carrierId) {
        CarrierId carrier = CarrierIds.known(carriers, carrierId);
        if (!actor.isCarrierAdminOf(carrier) && actor.role() != Role.PLATFORM_ADMIN) {
            throw ApiProblem.forbidden("only an admin of carrier " + carrier + " or a platform admin may see its parcels");
        }
        return carrier;
    }

    /**
     * The carrier's own admins see which of their couriers, hubs or desks holds a parcel and who delivers it;
     * a sender holding it stays anonymous, and platform admins see the kind of holder only.
     */
    private static AdminWaybill waybill(ResultSet row, boolean ownAdmin) throws SQLException {
        String holderKind = row.getString("holder_kind");
        boolean showHolder = ownAdmin && holderKind != null && !CustodianKind.SENDER.name().equals(holderKind);
        return new AdminWaybill(row.getObject("waybill_id", UUID.class), row.getString("tracking_number"),
                TrackingStatus.valueOf(row.getString("status")), row.getString("reason"), Rows.instant(row, "status_since"),
                Rows.instant(row, "created_at"), row.getString("hub"), row.getString("origin_hub"),
                row.getString("destination_region"), row.getString("destination_hub"), holderKind,
                showHolder ? row.getString("holder_id") : null, ownAdmin ? row.getString("last_mile_courier") : null);
    }

    private long count(String sql, Object... parameters) {
        Long count = jdbc.queryForObject(sql, Long.class, parameters);
        return count == null ? 0 : count;
    }
}
