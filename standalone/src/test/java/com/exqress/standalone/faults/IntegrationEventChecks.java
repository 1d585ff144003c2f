package com.exqress.standalone.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration events on Kafka held against the event store, read as a carrier system reads them: every stored
 * event of the parcels arrives, and an event that arrives twice arrives the same both times, so that a consumer
 * that deduplicates by {@code eventId} (as docs/integration-events.md tells it to) sees each event once.
 */
final class IntegrationEventChecks {

    static final String TOPIC = "exqress.waybill-events.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);

    private final DataDirectoryPostgres postgres;
    private final String bootstrapServers;

    IntegrationEventChecks(DataDirectoryPostgres postgres, String bootstrapServers) {
        this.postgres = postgres;
        this.bootstrapServers = bootstrapServers;
    }

    /** Waits until every stored event of the parcels is on the topic, then checks that duplicates are identical. */
    void assertEveryStoredEventPublished(Collection<String> waybillIds, Duration timeout) throws Exception {
        Set<String> stored = storedEventIds(waybillIds);
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, List<String>> published = published(waybillIds);
        while (!published.keySet().containsAll(stored) && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            published = published(waybillIds);
        }
        Set<String> missing = new HashSet<>(stored);
        missing.removeAll(published.keySet());
        assertThat(missing).as("stored events of %d parcels not on %s after %s", waybillIds.size(), TOPIC, timeout).isEmpty();
        assertThat(published.keySet()).as("nothing on the topic that the store does not hold").isEqualTo(stored);
        long duplicates = published.values().stream().filter(copies -> copies.size() > 1).count();
        System.out.printf("integration events: %d stored, %d published, %d of them more than once%n",
                stored.size(), published.values().stream().mapToInt(List::size).sum(), duplicates);
        assertThat(published).allSatisfy((eventId, copies) -> assertThat(new HashSet<>(copies))
                .as("every copy of event %s", eventId).hasSize(1));
    }

    private Set<String> storedEventIds(Collection<String> waybillIds) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection db = postgres.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ANY (?)")) {
            query.setArray(1, db.createArrayOf("varchar", waybillIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** The whole topic from the beginning, without a consumer group: each of the parcels' event ids and its copies. */
    private Map<String, List<String>> published(Collection<String> waybillIds) throws Exception {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> keys = new HashSet<>(waybillIds);
        Map<String, List<String>> copies = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (keys.contains(record.key())) {
                        JsonNode event = JSON.readTree(record.value());
                        copies.computeIfAbsent(event.get("eventId").asText(), id -> new ArrayList<>()).add(record.value());
                    }
                }
            }
        }
        return copies;
    }
}
