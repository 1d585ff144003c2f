package com.exqress.projections;

import com.exqress.embedded.SharedPostgres;
import com.exqress.waybill.api.WaybillEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The projections service on the JVM's shared embedded PostgreSQL, in its production profile. Tests write
 * events into the real event store and watch the real processors; each uses waybills of its own.
 */
@ExtendWith(SharedPostgres.class)
@SpringBootTest(classes = ProjectionsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exqress.security.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json", "exqress.security.jwt.issuer=urn:test",
                "server.shutdown=immediate",
                // Tests reconcile (and so switch rebuilt copies) when they choose to, not on a timer.
                "exqress.projections.reconcile-interval=PT1H"})
public abstract class ProjectionsIntegrationTest {

    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TransactionTemplate transaction;

    /** Appends the story's events from {@code firstSequence} on, committed together as one command would. */
    protected void append(WaybillStory story, long firstSequence, List<? extends WaybillEvent> events) {
        transaction.executeWithoutResult(status ->
                WaybillStory.append(eventStore, story.waybillId(), firstSequence, events));
    }
}
