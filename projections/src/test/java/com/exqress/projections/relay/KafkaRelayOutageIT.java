package com.exqress.projections.relay;

import com.exqress.embedded.EmbeddedKafkaServer;
import com.exqress.embedded.SharedPostgres;
import com.exqress.projections.ProjectionsIntegrationTest;
import com.exqress.waybill.WaybillStory;
import com.exqress.waybill.api.WaybillEvent;
import com.exqress.waybill.api.WaybillId;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka goes down in the middle of a parcel's life and comes back: nothing is lost. The relay runs alone here, on
 * a database of its own and a broker of its own on a fixed port, so that it can be stopped and a new one started
 * where the producer looks for it; no other test's relay can take its segments.
 */
@DirtiesContext
class KafkaRelayOutageIT extends ProjectionsIntegrationTest {

    private static final String DATABASE = "relay_outage";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedKafkaServer broker;

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RelayProgressStore relayed;
    @Autowired
    KafkaAdmin kafkaAdmin;
    @Autowired
    RelayProperties properties;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void ownDatabaseAndBroker(DynamicPropertyRegistry registry) throws Exception {
        broker = EmbeddedKafkaServer.start(freePort());
        String bootstrapServers = broker.bootstrapServers();
        String databaseUrl = createDatabase();
        registry.add("spring.kafka.bootstrap-servers", () -> bootstrapServers);
        registry.add("spring.datasource.url", () -> databaseUrl);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void eventsAppendedWhileTheBrokerIsDownArriveOnceItIsBack() throws Exception {
        WaybillStory story = new WaybillStory(Instant.parse("2026-11-25T09:00:00Z"));
        List<WaybillEvent> events = story.wholeLife();
        int beforeOutage = story.untilOutForDelivery().size();
        append(story.waybillId(), 0, events.subList(0, beforeOutage));
        awaitRelayedUpTo(story.waybillId(), beforeOutage - 1, Duration.ofSeconds(30));

        broker.close();
        append(story.waybillId(), beforeOutage, events.subList(beforeOutage, events.size()));
        // Nothing counts as relayed while no broker acknowledges it.
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7))
                .until(() -> lastRelayed(story.waybillId()) == beforeOutage - 1);
        // The relay's lag, as the dashboard and projections' autoscaler see it: the events it has not published, and
        // for how long the oldest of them has waited.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(relayLag("events")).isGreaterThanOrEqualTo(events.size() - beforeOutage);
            assertThat(relayLag("seconds")).isPositive();
        });

        broker = EmbeddedKafkaServer.start(broker.port());
        // A new broker starts empty; the application's own topic definition recreates the topic.
        kafkaAdmin.initialize();
        awaitRelayedUpTo(story.waybillId(), events.size() - 1, Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(relayLag("events")).isZero();
            assertThat(relayLag("seconds")).isZero();
        });

        Set<String> published = new HashSet<>();
        for (ConsumerRecord<String, String> record
                : TopicReader.recordsOf(story.waybillId(), broker.bootstrapServers(), properties.topic())) {
            published.add(JSON.readTree(record.value()).get("eventId").asText());
        }
        List<String> duringOutage = eventStore.readEvents(story.waybillId().toString(), beforeOutage).asStream()
                .map(DomainEventMessage::getIdentifier).toList();
        assertThat(duringOutage).hasSize(events.size() - beforeOutage);
        assertThat(published).containsExactlyInAnyOrderElementsOf(duringOutage);
    }

    private void append(WaybillId waybillId, long firstSequence, List<WaybillEvent> events) {
        transactions.executeWithoutResult(status -> WaybillStory.append(eventStore, waybillId, firstSequence, events));
    }

    /** The last measured exqress.processor.lag.{events,seconds} of the relay; NaN before the first measurement. */
    private double relayLag(String unit) {
        Gauge lag = meters.find("exqress.processor.lag." + unit).tag("processor", WaybillEventRelay.PROCESSING_GROUP).gauge();
        return lag == null ? Double.NaN : lag.value();
    }

    private long lastRelayed(WaybillId waybillId) {
        return relayed.find(waybillId).map(RelayProgressStore.Relayed::lastSequence).orElse(-1L);
    }

    private void awaitRelayedUpTo(WaybillId waybillId, long sequence, Duration patience) {
        await().atMost(patience).until(() -> lastRelayed(waybillId) >= sequence);
    }

    /** An empty database next to the shared one: its own event store, read models and tokens. */
    private static String createDatabase() throws SQLException {
        try (Connection connection = SharedPostgres.server().ownerDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        return SharedPostgres.server().jdbcUrl().replaceFirst("/postgres$", "/" + DATABASE);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
