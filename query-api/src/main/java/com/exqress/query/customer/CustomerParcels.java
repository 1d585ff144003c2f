package com.exqress.query.customer;

import com.exqress.platform.web.ApiProblem;
import com.exqress.query.customer.TrackingView.Disclosure;
import com.exqress.query.customer.TrackingView.TimelineEntry;
import com.exqress.query.readmodel.Cursor;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.query.readmodel.Rows;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Role;
import com.exqress.waybill.api.TrackingNumber;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A customer's parcels from the read model. Blocking: call it off the event loop. */
@Component
public class CustomerParcels {

    /**
     * The parcel with its timeline and disclosures in one statement, so they are read as of one moment: the
     * projections service changes all three in one transaction, and a statement sees one snapshot.
     */
    private static final String TRACKED = """
            SELECT p.waybill_id, p.tracking_number, p.carrier_id, p.status, p.reason, p.status_since, p.hub,
                p.destination_hub,
                (SELECT coalesce(json_agg(json_build_object('at', t.at, 'status', t.status, 'reason', t.reason,
                        'hub', t.hub) ORDER BY t.sequence), '[]')
                    FROM projections.parcel_timeline t WHERE t.waybill_id = p.waybill_id) AS timeline,
                (SELECT coalesce(json_agg(json_build_object('at', d.at, 'role', d.role, 'carrier', d.carrier_id,
                        'purpose', d.purpose, 'fields', d.fields) ORDER BY d.sequence), '[]')
                    FROM projections.parcel_disclosure d WHERE d.waybill_id = p.waybill_id) AS disclosures
            FROM projections.parcel p
            WHERE p.tracking_number = ? AND (p.sender_account = ? OR p.recipient_account = ?)
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public CustomerParcels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.query(TRACKED, CustomerParcels::tracked, trackingNumber, account, account).stream().findFirst();
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

    private static TrackedParcel tracked(ResultSet row, int number) throws SQLException {
        TrackingStatus status = TrackingStatus.valueOf(row.getString("status"));
        List<TimelineEntry> timeline = new ArrayList<>();
        for (JsonNode entry : json(row, "timeline")) {
            timeline.add(new TimelineEntry(instant(entry.get("at")), TrackingStatus.valueOf(entry.get("status").asText()),
                    text(entry.get("reason")), text(entry.get("hub"))));
        }
        List<Disclosure> disclosures = new ArrayList<>();
        for (JsonNode entry : json(row, "disclosures")) {
            List<String> fields = new ArrayList<>();
            entry.get("fields").forEach(field -> fields.add(field.asText()));
            disclosures.add(new Disclosure(instant(entry.get("at")), text(entry.get("role")), text(entry.get("carrier")),
                    text(entry.get("purpose")), fields));
        }
        return new TrackedParcel(row.getObject("waybill_id", UUID.class), new TrackingView(row.getString("tracking_number"),
                row.getString("carrier_id"), status, row.getString("reason"), Rows.instant(row, "status_since"),
                NextStepView.after(status, row.getString("hub"), row.getString("destination_hub")), timeline, disclosures));
    }

    private static JsonNode json(ResultSet row, String column) throws SQLException {
        try {
            return JSON.readTree(row.getString(column));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the read model's " + column + " is not JSON", e);
        }
    }

    /** PostgreSQL writes a timestamptz into JSON as ISO 8601 with its offset, to the microsecond. */
    private static Instant instant(JsonNode value) {
        return OffsetDateTime.parse(value.asText()).toInstant();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
