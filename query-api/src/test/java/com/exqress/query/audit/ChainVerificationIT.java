package com.exqress.query.audit;

import com.exqress.embedded.SharedPostgres;
import com.exqress.query.QueryApiIntegrationTest;
import com.exqress.waybill.WaybillStory;
import com.exqress.waybill.api.WaybillEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /audit/waybills/{id}/verify} on a whole lifecycle appended through Axon's event store (so through the
 * chaining append), then tampered with directly in PostgreSQL as a superuser would: bypassing the append-only
 * trigger and editing stored bytes.
 */
class ChainVerificationIT extends QueryApiIntegrationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final WaybillStory story = new WaybillStory(Instant.now().minus(Duration.ofHours(1)));
    private final List<WaybillEvent> life = story.wholeLife();

    /** In two transactions, so the second one's first event chains to a hash read back from the store. */
    @BeforeEach
    void recordWholeLife() {
        int firstBatch = story.untilOutForDelivery().size();
        append(0, life.subList(0, firstBatch));
        append(firstBatch, life.subList(firstBatch, life.size()));
    }

    @Test
    void untouchedHistoryIsIntactForAuditorsAndTheCarriersAdmins() {
        for (String user : List.of("auditor", "admin-swp")) {
            verify(user).expectStatus().isOk().expectBody()
                    .jsonPath("$.waybillId").isEqualTo(story.waybillId().toString())
                    .jsonPath("$.events").isEqualTo(life.size())
                    .jsonPath("$.intact").isEqualTo(true)
                    .jsonPath("$.firstBrokenSequence").doesNotExist();
        }
    }

    @Test
    void oneChangedPayloadByteInTheMiddleIsTheFirstBrokenLink() throws SQLException {
        int middle = life.size() / 2;
        asSuperuser("UPDATE domain_event_entry SET payload = set_byte(payload, 10, get_byte(payload, 10) # 1)"
                + " WHERE aggregate_identifier = ? AND sequence_number = ?", middle);

        verify("auditor").expectStatus().isOk().expectBody()
                .jsonPath("$.intact").isEqualTo(false)
                .jsonPath("$.firstBrokenSequence").isEqualTo(middle)
                .jsonPath("$.reason").isEqualTo("HASH_MISMATCH");
    }

    @Test
    void aDeletedEventIsASequenceGap() throws SQLException {
        asSuperuser("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?", 3);

        verify("auditor").expectStatus().isOk().expectBody()
                .jsonPath("$.intact").isEqualTo(false)
                .jsonPath("$.firstBrokenSequence").isEqualTo(3)
                .jsonPath("$.reason").isEqualTo("SEQUENCE_GAP");
    }

    @Test
    void aStrippedHashIsReportedAsMissing() throws SQLException {
        asSuperuser("UPDATE domain_event_entry SET meta_data = convert_to('{}', 'UTF8')"
                + " WHERE aggregate_identifier = ? AND sequence_number = ?", 5);

        verify("auditor").expectStatus().isOk().expectBody()
                .jsonPath("$.firstBrokenSequence").isEqualTo(5)
                .jsonPath("$.reason").isEqualTo("MISSING_HASH");
    }

    /** The first event read by everything, and its personal data sealed: one altered character of the seal. */
    @Test
    void anAlteredSealInTheFirstEventIsFoundByVerifyingAndReadsAsAProblemElsewhere() throws SQLException {
        try (Connection owner = SharedPostgres.server().ownerDataSource().getConnection()) {
            try (Statement replica = owner.createStatement()) {
                replica.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement edit = owner.prepareStatement("""
                    UPDATE domain_event_entry SET payload = convert_to(regexp_replace(convert_from(payload, 'UTF8'),
                        '"sealed":"(.)', '"sealed":"' || CASE WHEN substring(convert_from(payload, 'UTF8')
                        FROM '"sealed":"(.)') = 'A' THEN 'B' ELSE 'A' END), 'UTF8')
                    WHERE aggregate_identifier = ? AND sequence_number = 0""")) {
                edit.setString(1, story.waybillId().toString());
                assertThat(edit.executeUpdate()).isEqualTo(1);
            }
        }

        verify("auditor").expectStatus().isOk().expectBody()
                .jsonPath("$.intact").isEqualTo(false)
                .jsonPath("$.firstBrokenSequence").isEqualTo(0)
                .jsonPath("$.reason").isEqualTo("HASH_MISMATCH");
        client.get().uri("/audit/waybills/{id}/history", story.waybillId()).header("Authorization", bearer("auditor"))
                .exchange().expectStatus().isEqualTo(500).expectBody()
                .jsonPath("$.code").isEqualTo("STORED_EVENT_UNREADABLE");
    }

    @Test
    void othersMayNotVerify() {
        verify("courier-swp-1").expectStatus().isForbidden();
        verify("admin-nrt").expectStatus().isNotFound();
    }

    private void append(int firstSequence, List<WaybillEvent> events) {
        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> WaybillStory.append(eventStore, story.waybillId(), firstSequence, events));
    }

    /** As the database owner, with triggers off for this session, as anyone with superuser rights could. */
    private void asSuperuser(String sql, long sequence) throws SQLException {
        try (Connection owner = SharedPostgres.server().ownerDataSource().getConnection()) {
            try (Statement replica = owner.createStatement()) {
                replica.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement edit = owner.prepareStatement(sql)) {
                edit.setString(1, story.waybillId().toString());
                edit.setLong(2, sequence);
                edit.executeUpdate();
            }
        }
    }

    private WebTestClient.ResponseSpec verify(String user) {
        return client.get().uri("/audit/waybills/{id}/verify", story.waybillId())
                .header("Authorization", bearer(user)).exchange();
    }
}
