package com.exqress.query.customer;

import com.exqress.platform.web.ApiProblem;
import com.exqress.query.customer.TrackingView.Disclosure;
import com.exqress.query.customer.TrackingView.TimelineEntry;
import com.exqress.query.readmodel.Cursor;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.query.readmodel.ReadModelSnapshot;
import com.exqress.query.readmodel.Rows;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Role;
import com.exqress.waybill.api.TrackingNumber;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A customer's parcels from the read model. Blocking: call it off the event loop. */
@Component
public class CustomerParcels {

    private static final String PARCEL = """
            SELECT waybill_id, tracking_number, carrier_id, status, reason, status_since, hub, destination_hub
            FROM projections.parcel
            WHERE tracking_number = ? AND (sender_account = ? OR recipient_account = ?)
            """;
    private static final String TIMELINE = """
            SELECT at, status, reason, hub FROM projections.parcel_timeline WHERE waybill_id = ? ORDER BY sequence
            """;
    private static final String DISCLOSURES = """
            SELECT at, role, carrier_id, purpose, fields FROM projections.parcel_disclosure WHERE waybill_id = ?
            ORDER BY sequence
            """;
    // Newest first. The order matches the account indexes (created_at DESC, waybill_id), and the redundant
    // created_at bound lets the index start at the cursor instead of filtering up to it.
    private static final String LIST = """
            SELECT waybill_id, tracking_number, carrier_id, status, reason, status_since, created_at
            FROM projections.parcel
            WHERE %s = ? %s
            ORDER BY created_at DESC, waybill_id
            LIMIT ?
            """;
    private static final String AFTER = "AND created_at <= ? AND (created_at < ? OR waybill_id > ?)";

    private final JdbcTemplate jdbc;
    private final ReadModelSnapshot snapshot;

    public CustomerParcels(JdbcTemplate jdbc, ReadModelSnapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
    }

    /** The tracking view of a parcel the actor sent or receives, or WAYBILL_NOT_FOUND. */
    public TrackingView view(Actor actor, String trackingNumber) {
        return tracked(actor, trackingNumber).map(TrackedParcel::view).orElseThrow(CustomerParcels::notFound);
    }

    /**
     * The tracking view of a parcel the actor sent or receives; empty for any other parcel, for a tracking
     * number that is not one and for anyone who is not a customer, so that nobody learns whether it exists.
     */
    Optional<TrackedParcel> tracked(Actor actor, String trackingNumber) {
        if (actor.role() != Role.CUSTOMER || !TrackingNumber.isValid(trackingNumber)) {
            return Optional.empty();
        }
        String account = actor.id().value();
        return snapshot.read(transaction -> jdbc.query(PARCEL, CustomerParcels::parcel, trackingNumber, account, account)
                .stream().findFirst().map(this::withHistory));
    }

    /** A page of the parcels the customer sent or receives, newest first. */
    public Page<CustomerParcel> list(Actor actor, Direction direction, PageRequest page) {
        if (actor.role() != Role.CUSTOMER) {
            throw ApiProblem.forbidden("only customers have parcels of their own; carrier staff see theirs under /courier and /admin");
        }
        List<Object> parameters = new ArrayList<>(List.of(actor.id().value()));
        String after = "";
        if (page.after() != null) {
            after = AFTER;
            parameters.add(Rows.timestamp(page.after().instant(0)));
            parameters.add(Rows.timestamp(page.after().instant(0)));
            parameters.add(page.after().uuid(1));
        }
        parameters.add(page.rowsToFetch());
        List<CustomerParcel> rows = jdbc.query(LIST.formatted(direction.accountColumn(), after),
                (row, number) -> new CustomerParcel(row.getObject("waybill_id", UUID.class), row.getString("tracking_number"),
                        row.getString("carrier_id"), TrackingStatus.valueOf(row.getString("status")), row.getString("reason"),
                        Rows.instant(row, "status_since"), Rows.instant(row, "created_at")),
                parameters.toArray());
        return Page.of(rows, page, parcel -> Cursor.of(parcel.createdAt(), parcel.waybillId()));
    }

    static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "WAYBILL_NOT_FOUND", "no parcel with that tracking number is visible to you");
    }

    private TrackedParcel withHistory(ParcelRow parcel) {
        List<TimelineEntry> timeline = jdbc.query(TIMELINE, (row, number) -> new TimelineEntry(Rows.instant(row, "at"),
                TrackingStatus.valueOf(row.getString("status")), row.getString("reason"), row.getString("hub")),
                parcel.waybillId());
        List<Disclosure> disclosures = jdbc.query(DISCLOSURES, (row, number) -> new Disclosure(Rows.instant(row, "at"),
                row.getString("role"), row.getString("carrier_id"), row.getString("purpose"), texts(row.getArray("fields"))),
                parcel.waybillId());
        return new TrackedParcel(parcel.waybillId(), new TrackingView(parcel.trackingNumber(), parcel.carrier(),
                parcel.status(), parcel.reason(), parcel.statusSince(), NextStepView.after(parcel.status(), parcel.hub(), parcel.destinationHub()),
                timeline, disclosures));
    }

    private static ParcelRow parcel(ResultSet row, int number) throws SQLException {
        return new ParcelRow(row.getObject("waybill_id", UUID.class), row.getString("tracking_number"),
                row.getString("carrier_id"), TrackingStatus.valueOf(row.getString("status")), row.getString("reason"),
                Rows.instant(row, "status_since"), row.getString("hub"), row.getString("destination_hub"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private record ParcelRow(UUID waybillId, String trackingNumber, String carrier, TrackingStatus status, String reason,
                             Instant statusSince, String hub, String destinationHub) {
    }
}
