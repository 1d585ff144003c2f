package com.exqress.platform.eventstore;

import com.exqress.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event table is append-only in the database itself, whoever connects. */
class EventStoreSchemaIT {

    private static JdbcTemplate app;
    private static JdbcTemplate owner;

    @BeforeAll
    static void migrate() {
        EmbeddedPostgresServer server = MigratedEventStore.server();
        app = new JdbcTemplate(server.appDataSource());
        owner = new JdbcTemplate(server.ownerDataSource());
    }

    @Test
    void appRoleAppendsAndReadsEvents() {
        String aggregate = appendEventAsApp();

        assertThat(app.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregate)).isEqualTo(1L);
    }

    @Test
    void appRoleHasNoUpdateGrantOnEvents() {
        String aggregate = appendEventAsApp();

        assertThatThrownBy(() -> app.update("UPDATE domain_event_entry SET payload = 'x' WHERE aggregate_identifier = ?", aggregate))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", aggregate))
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void evenTheOwnerCannotRewriteOrDeleteEvents() {
        String aggregate = appendEventAsApp();

        assertThatThrownBy(() -> owner.update("UPDATE domain_event_entry SET payload = 'x' WHERE aggregate_identifier = ?", aggregate))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", aggregate))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.execute("TRUNCATE domain_event_entry"))
                .rootCause().hasMessageContaining("append-only");
        assertThat(owner.queryForObject("SELECT encode(payload, 'escape') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, aggregate)).isEqualTo("{}");
    }

    @Test
    void aSecondEventWithTheSameSequenceIsRefused() {
        String aggregate = appendEventAsApp();

        assertThatThrownBy(() -> insertEvent(app, aggregate, 0))
                .rootCause().hasMessageContaining("domain_event_entry_aggregate_sequence");
    }

    @Test
    void creationRegistryIsAppendOnlyToo() {
        UUID waybill = UUID.randomUUID();
        app.update("INSERT INTO waybill_creation (waybill_id, tracking_number, actor_id, created_at) VALUES (?, ?, 'sender1', now())",
                waybill, "SWP" + String.valueOf(Math.abs(waybill.getMostSignificantBits())).substring(0, 11));

        assertThatThrownBy(() -> app.update("DELETE FROM waybill_creation WHERE waybill_id = ?", waybill))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> owner.update("UPDATE waybill_creation SET actor_id = 'x' WHERE waybill_id = ?", waybill))
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void checkpointsAreAppendOnlyToo() {
        // Negative indexes: no real period starts there, so this row cannot collide with or shift one.
        long first = -1 - Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        app.update("INSERT INTO audit_checkpoint (first_global_index, last_global_index, tree_size, root, created_at,"
                + " signature, key_id) VALUES (?, ?, 1, repeat('0', 64), now(), 'jws', 'kid')", first, first);

        assertThatThrownBy(() -> app.update("UPDATE audit_checkpoint SET root = repeat('1', 64) WHERE first_global_index = ?", first))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> owner.update("UPDATE audit_checkpoint SET root = repeat('1', 64) WHERE first_global_index = ?", first))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("DELETE FROM audit_checkpoint WHERE first_global_index = ?", first))
                .rootCause().hasMessageContaining("append-only");
    }

    private static String appendEventAsApp() {
        String aggregate = UUID.randomUUID().toString();
        insertEvent(app, aggregate, 0);
        return aggregate;
    }

    private static void insertEvent(JdbcTemplate jdbc, String aggregate, long sequence) {
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'Waybill', '2026-11-23T00:00:00Z', 'com.exqress.Test', '1', '{}'::bytea, '{}'::bytea)
                """, UUID.randomUUID().toString(), aggregate, sequence);
    }
}
