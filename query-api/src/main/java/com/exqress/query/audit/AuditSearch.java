package com.exqress.query.audit;

import com.exqress.platform.web.ApiProblem;
import com.exqress.query.readmodel.Cursor;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.query.readmodel.Rows;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Searches the audit index the projections service keeps ({@code audit.audit_event}), newest first. Auditors
 * search every carrier; carrier admins only their own carrier's waybills. Blocking: call it off the event loop.
 */
@Component
public class AuditSearch {

    // Ties on event_time are common (a scan and its handoff share one), so the key goes down to the sequence.
    private static final String EVENTS = """
            SELECT waybill_id, sequence, tracking_number, carrier_id, event_type, actor_id, actor_role, actor_carrier,
                   hub, event_time, recorded_at
            FROM audit.audit_event
            WHERE TRUE %s
            ORDER BY event_time DESC, waybill_id DESC, sequence DESC
            LIMIT ?
            """;

    private final JdbcTemplate jdbc;

    public AuditSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<AuditEvent> search(Actor actor, AuditSearchFilter requested, PageRequest page) {
        AuditSearchFilter filter = scope(actor, requested);
        StringBuilder conditions = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        if (filter.trackingNumber() != null) {
            conditions.append(" AND tracking_number = ?");
            parameters.add(filter.trackingNumber());
        }
        if (filter.carrier() != null) {
            conditions.append(" AND carrier_id = ?");
            parameters.add(filter.carrier().code());
        }
        if (filter.actor() != null) {
            conditions.append(" AND actor_id = ?");
            parameters.add(filter.actor());
        }
        if (filter.from() != null) {
            conditions.append(" AND event_time >= ?");
            parameters.add(Rows.timestamp(filter.from()));
        }
        if (filter.to() != null) {
            conditions.append(" AND event_time < ?");
            parameters.add(Rows.timestamp(filter.to()));
        }
        if (page.after() != null) {
            conditions.append(" AND (event_time, waybill_id, sequence) < (?, ?, ?)");
            parameters.add(Rows.timestamp(page.after().instant(0)));
            parameters.add(page.after().uuid(1));
            parameters.add(page.after().number(2));
        }
        parameters.add(page.rowsToFetch());
        List<AuditEvent> rows = jdbc.query(EVENTS.formatted(conditions), (row, number) -> event(row),
                parameters.toArray());
        return Page.of(rows, page, event -> Cursor.of(event.eventTime(), event.waybillId(), event.sequence()));
    }

    /** Auditors search as asked; a carrier admin always within their own carrier, and may not ask for another. */
    private static AuditSearchFilter scope(Actor actor, AuditSearchFilter filter) {
        if (actor.role() == Role.AUDITOR) {
            return filter;
        }
        if (actor.role() != Role.CARRIER_ADMIN) {
            throw ApiProblem.forbidden("only auditors and carrier admins may search the audit index");
        }
        if (filter.carrier() != null && !actor.isCarrierAdminOf(filter.carrier())) {
            throw ApiProblem.forbidden("a carrier admin may search only the events of carrier " + actor.carrier());
        }
        return filter.withCarrier(actor.carrier());
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        return new AuditEvent(row.getObject("waybill_id", UUID.class), row.getLong("sequence"),
                row.getString("tracking_number"), row.getString("carrier_id"), row.getString("event_type"),
                new AuditEvent.By(row.getString("actor_id"), Role.valueOf(row.getString("actor_role")),
                        row.getString("actor_carrier")),
                row.getString("hub"), Rows.instant(row, "event_time"), Rows.instant(row, "recorded_at"));
    }
}
