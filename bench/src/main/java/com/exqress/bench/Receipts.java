package com.exqress.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consumer of the relay's topic and of the plain producer's, on a thread of its own, that notes when each record
 * first arrived ({@link System#nanoTime()}): an integration event by its waybill and sequence number, a plain record
 * by its key. It reads both topics from the beginning and belongs to no consumer group.
 */
final class Receipts implements AutoCloseable {

    private static final Pattern WAYBILL = Pattern.compile("\"waybillId\":\"([^\"]+)\"");
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":([0-9]+)");

    /** A backlog drained: records per second from the first received to the last, and their average size. */
    record Drain(double perSecond, double averageBytes) {
    }

    /** Of the records sent or appended, how many arrived, and their latencies in milliseconds. */
    record Latencies(long received, double p50, double p99) {
    }

    private final String relayTopic;
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong relayedBytes = new AtomicLong();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile long firstRelayedAt;
    private volatile long lastRelayedAt;
    private volatile boolean closed;
    private final Thread poller;

    private Receipts(String bootstrapServers, String relayTopic, String rawTopic) {
        this.relayTopic = relayTopic;
        this.poller = new Thread(() -> poll(bootstrapServers, List.of(relayTopic, rawTopic)), "bench-receipts");
        this.poller.setDaemon(true);
    }

    /** Creates {@code rawTopic} with as many partitions as the relay's, and starts consuming both. */
    static Receipts start(String bootstrapServers, String relayTopic, String rawTopic) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(relayTopic)).allTopicNames().get().get(relayTopic)
                    .partitions().size();
            admin.createTopics(List.of(new NewTopic(rawTopic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + rawTopic, e);
        }
        Receipts receipts = new Receipts(bootstrapServers, relayTopic, rawTopic);
        receipts.poller.start();
        if (!receipts.assigned.await(1, TimeUnit.MINUTES)) {
            receipts.close();
            throw new IllegalStateException("the consumer found no partitions to read");
        }
        return receipts;
    }

    static String relayKey(String waybillId, long sequence) {
        return waybillId + "/" + sequence;
    }

    private void poll(String bootstrapServers, List<String> topics) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assigned.countDown();
            while (!closed) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    received(record, System.nanoTime());
                }
            }
        }
    }

    private void received(ConsumerRecord<String, String> record, long now) {
        if (!record.topic().equals(relayTopic)) {
            receivedAt.putIfAbsent(record.key(), now);
            return;
        }
        Matcher waybill = WAYBILL.matcher(record.value());
        Matcher sequence = SEQUENCE.matcher(record.value());
        if (!waybill.find() || !sequence.find()) {
            throw new IllegalStateException("an integration event without waybill or sequence");
        }
        receivedAt.putIfAbsent(relayKey(waybill.group(1), Long.parseLong(sequence.group(1))), now);
        if (relayed.get() == 0) {
            firstRelayedAt = now;
        }
        lastRelayedAt = now;
        relayedBytes.addAndGet(record.serializedValueSize());
        relayed.incrementAndGet();
    }

    /** Waits until the relay's topic holds {@code count} records. */
    Drain awaitRelayed(long count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (relayed.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + relayed.get() + " of " + count + " events relayed within " + limit);
            }
            Thread.sleep(50);
        }
        long records = relayed.get();
        return new Drain((records - 1) / ((lastRelayedAt - firstRelayedAt) / 1e9), relayedBytes.get() / (double) records);
    }

    /** Waits until every record in {@code sentAt} arrived, or {@code limit} passed, and takes their latencies. */
    Latencies latencies(Map<String, Long> sentAt, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!receivedAt.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long[] nanos = sentAt.entrySet().stream().filter(sent -> receivedAt.containsKey(sent.getKey()))
                .mapToLong(sent -> receivedAt.get(sent.getKey()) - sent.getValue()).sorted().toArray();
        return new Latencies(nanos.length, ClosedLoopLoad.millis(nanos, 0.50), ClosedLoopLoad.millis(nanos, 0.99));
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        poller.join(TimeUnit.SECONDS.toMillis(10));
    }
}
