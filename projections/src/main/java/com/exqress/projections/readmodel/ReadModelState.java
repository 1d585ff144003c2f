package com.exqress.projections.readmodel;

import com.exqress.projections.ProjectionSchemas;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Which copy of the parcel read model serves and which one is being rebuilt, shared by every projections
 * and query-api replica through {@code projections.read_model_state}. Changes are conditional updates, so
 * of two replicas racing to start a rebuild or to switch copies, exactly one wins.
 */
@Component
public class ReadModelState {

    private static final String READ_MODEL = "parcels";

    private final JdbcTemplate jdbc;

    public ReadModelState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public State current() {
        return jdbc.queryForObject("SELECT active_color, rebuilding_color, rebuild_started_at, rebuild_head"
                        + " FROM " + ProjectionSchemas.SERVING + ".read_model_state WHERE read_model = ?",
                (row, n) -> {
                    String rebuilding = row.getString("rebuilding_color");
                    Timestamp startedAt = row.getTimestamp("rebuild_started_at");
                    long head = row.getLong("rebuild_head");
                    return new State(ReadModelColor.valueOf(row.getString("active_color")),
                            rebuilding == null ? null : ReadModelColor.valueOf(rebuilding),
                            startedAt == null ? null : startedAt.toInstant(), row.wasNull() ? null : head);
                }, READ_MODEL);
    }

    /** Marks {@code target} as being rebuilt; false if a rebuild is already under way. */
    boolean startRebuild(ReadModelColor target, Instant at, long head) {
        return jdbc.update("UPDATE " + ProjectionSchemas.SERVING + ".read_model_state SET rebuilding_color = ?,"
                        + " rebuild_started_at = ?, rebuild_head = ? WHERE read_model = ? AND rebuilding_color IS NULL"
                        + " AND active_color <> ?",
                target.name(), Timestamp.from(at), head, READ_MODEL, target.name()) == 1;
    }

    /** Makes the rebuilt copy the serving one; false if another replica did it first. */
    boolean switchTo(ReadModelColor rebuilt) {
        return jdbc.update("UPDATE " + ProjectionSchemas.SERVING + ".read_model_state SET active_color = ?,"
                        + " rebuilding_color = NULL WHERE read_model = ? AND rebuilding_color = ?",
                rebuilt.name(), READ_MODEL, rebuilt.name()) == 1;
    }

    /**
     * @param rebuildingColor null when no rebuild is under way
     * @param rebuildHead     the event store's head when the rebuild started
     */
    public record State(ReadModelColor activeColor, ReadModelColor rebuildingColor, Instant rebuildStartedAt,
                        Long rebuildHead) {

        boolean needsProcessor(ReadModelColor color) {
            return color == activeColor || color == rebuildingColor;
        }
    }
}
