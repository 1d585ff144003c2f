package com.exqress.projections.relay;

import com.exqress.waybill.api.WaybillId;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole topic as a carrier system would, from the beginning and without a consumer group, and keeps
 * one waybill's records. Tests share the topic, so each one looks only at its own waybill's key.
 */
final class TopicReader {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private TopicReader() {
    }

    /** Every record keyed by {@code waybillId} that is on the topic now, in the order of its partition. */
    static List<ConsumerRecord<String, String>> recordsOf(WaybillId waybillId, String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, PATIENCE).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, PATIENCE);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(PATIENCE);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end within " + PATIENCE);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (waybillId.toString().equals(record.key())) {
                        records.add(record);
                    }
                });
            }
            return records;
        }
    }
}
