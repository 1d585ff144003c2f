package com.exqress.query.courier;

import com.exqress.platform.web.ApiProblem;
import com.exqress.query.courier.RoutePage.Route;
import com.exqress.query.readmodel.Cursor;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.query.readmodel.Rows;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A courier's lists from the read model. Blocking: call it off the event loop. */
@Component
public class CourierParcels {

    // By route, then oldest first; created_at never changes, so a page boundary never moves.
    private static final String LIST = """
            SELECT waybill_id, tracking_number, carrier_id, status, reason, status_since, hub, destination_hub,
                   destination_region, created_at
            FROM projections.parcel
            WHERE %s %s
            ORDER BY destination_hub, destination_region, created_at, waybill_id
            LIMIT ?
            """;
    private static final String AFTER = "AND (destination_hub, destination_region, created_at, waybill_id) > (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    public CourierParcels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The first page of each list, or, with {@code only}, the requested page of that list. A cursor belongs to
     * one list, so it comes with {@code only}.
     */
    public CourierWork work(Actor actor, CourierList only, PageRequest page) {
        if (actor.role() != Role.COURIER) {
            throw ApiProblem.forbidden("only couriers have parcels to carry");
        }
        if (only == null && page.after() != null) {
            throw ApiProblem.invalidField("cursor", "continues one list: name it with list=held, toPickUp or toDeliver");
        }
        Map<CourierList, RoutePage> pages = new EnumMap<>(CourierList.class);
        for (CourierList list : only == null ? List.of(CourierList.values()) : List.of(only)) {
            pages.put(list, page(actor, list, page));
        }
        return new CourierWork(pages.get(CourierList.HELD), pages.get(CourierList.TO_PICK_UP),
                pages.get(CourierList.TO_DELIVER));
    }

    private RoutePage page(Actor courier, CourierList list, PageRequest page) {
        if (list.needsHub() && courier.hub() == null) {
            return new RoutePage(List.of(), null);
        }
        List<Object> parameters = new ArrayList<>(list.parameters(courier));
        String after = "";
        if (page.after() != null) {
            after = AFTER;
            parameters.add(page.after().text(0));
            parameters.add(page.after().text(1));
            parameters.add(Rows.timestamp(page.after().instant(2)));
            parameters.add(page.after().uuid(3));
        }
        parameters.add(page.rowsToFetch());
        List<Row> rows = jdbc.query(LIST.formatted(list.condition(), after), (row, number) -> new Row(
                new CourierParcel(row.getObject("waybill_id", UUID.class), row.getString("tracking_number"),
                        row.getString("carrier_id"), TrackingStatus.valueOf(row.getString("status")), row.getString("reason"),
                        Rows.instant(row, "status_since"), row.getString("hub")),
                row.getString("destination_hub"), row.getString("destination_region"), Rows.instant(row, "created_at")),
                parameters.toArray());
        Page<Row> found = Page.of(rows, page,
                row -> Cursor.of(row.destinationHub(), row.destinationRegion(), row.createdAt(), row.parcel().waybillId()));
        return new RoutePage(byRoute(found.items()), found.nextCursor());
    }

    /** The rows come sorted by route, so each route's parcels are together and in order. */
    private static List<Route> byRoute(List<Row> rows) {
        Map<List<String>, List<CourierParcel>> routes = new LinkedHashMap<>();
        for (Row row : rows) {
            routes.computeIfAbsent(List.of(row.destinationHub(), row.destinationRegion()), route -> new ArrayList<>())
                    .add(row.parcel());
        }
        return routes.entrySet().stream()
                .map(route -> new Route(route.getKey().get(0), route.getKey().get(1), route.getValue()))
                .toList();
    }

    private record Row(CourierParcel parcel, String destinationHub, String destinationRegion, Instant createdAt) {
    }
}
