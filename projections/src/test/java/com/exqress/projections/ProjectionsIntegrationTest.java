package com.exqress.projections;

import com.exqress.embedded.SharedKafka;
import com.exqress.embedded.SharedPostgres;
import com.exqress.waybill.WaybillStory;
import com.exqress.waybill.api.WaybillEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * projections as a service of its own, in the default (production) profile, on the test JVM's shared embedded
 * PostgreSQL and Kafka broker. Tests write events into the real event store and watch the real processors.
 * Subclasses share one application context; each test isolates itself by its own waybill ids. Immediate
 * shutdown: graceful shutdown would wait for the test client's keep-alive connections.
 */
@ExtendWith({SharedPostgres.class, SharedKafka.class})
@SpringBootTest(classes = ProjectionsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exqress.security.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json", "exqress.security.jwt.issuer=urn:test",
                "server.shutdown=immediate",
                // Tests reconcile (and so switch rebuilt copies) when they choose to, not on a timer.
                "exqress.projections.reconcile-interval=PT1H",
                // Webhooks retry, and give up, within a second or two instead of minutes; receivers run on localhost.
                "exqress.webhooks.disable-after=4", "exqress.webhooks.first-retry=PT0.2S",
                "exqress.webhooks.poll-interval=PT0.05S", "exqress.webhooks.allow-plain-http-to-localhost=true"})
// Spring Boot tests leave the Prometheus registry out unless asked; the services serve it.
@AutoConfigureObservability
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
