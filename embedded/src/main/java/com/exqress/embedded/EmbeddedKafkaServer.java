package com.exqress.embedded;

import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A single Kafka broker (KRaft, broker and controller in one node) run inside this JVM, listening on localhost
 * only. Its log directory is a fresh temporary directory that {@link #close()} deletes, so a broker starts empty
 * every time: topics are created by the application (or the test) that uses it, never by a producer's accident.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";

    private final EmbeddedKafkaKraftBroker broker;
    private final String bootstrapServers;
    private final Path logDirectory;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
        this.bootstrapServers = broker.getBrokersAsString();
        this.logDirectory = Path.of(broker.getCluster().nodes().baseDirectory());
    }

    /** Starts a broker on a free port. */
    public static EmbeddedKafkaServer start() {
        return start(0);
    }

    /**
     * Starts a broker on {@code port} (0: a free one). A fixed port lets a test stop a broker and start another
     * where the clients already look for it.
     */
    public static EmbeddedKafkaServer start(int port) {
        return start(port, Map.of());
    }

    /**
     * Starts a broker on a free port that tells its clients to reach it at {@code localhost:advertisedPort}, where a
     * test puts a proxy: cutting the proxy is an outage of Kafka for the clients, while the broker keeps its data.
     */
    public static EmbeddedKafkaServer startBehind(int advertisedPort) {
        return start(0, Map.of("advertised.listeners", "EXTERNAL://localhost:" + advertisedPort));
    }

    private static EmbeddedKafkaServer start(int port, Map<String, String> extraProperties) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // The broker would set spring.kafka.bootstrap-servers as a system property; the caller decides what points at it.
        broker.brokerListProperty(null);
        Map<String, String> properties = new HashMap<>(extraProperties);
        // Spring's kafkaPorts(...) is not supported in KRaft mode, but the test kit keeps listeners given as a property.
        properties.putAll(Map.of(
                "listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0",
                "auto.create.topics.enable", "false",
                // One node: the internal topics cannot have more replicas, and need not have many partitions.
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                // Threads sized for a developer's laptop, not a production broker.
                "num.network.threads", "1",
                "num.io.threads", "2",
                "background.threads", "2"));
        broker.brokerProperties(Map.copyOf(properties));
        // The test kit also deletes its directory in a JVM shutdown hook of its own, which races close() when the
        // JVM stops and makes the stopping broker log errors about its vanished files; close() deletes it anyway.
        Exit.setShutdownHookAdder((name, hook) -> { });
        try {
            broker.afterPropertiesSet();
        } catch (RuntimeException | Error e) {
            // A half-started broker's threads would keep the JVM from exiting.
            broker.destroy();
            throw e;
        } finally {
            Exit.resetShutdownHookAdder();
        }
        return new EmbeddedKafkaServer(broker);
    }

    /** The address producers and consumers connect to, {@code localhost:<port>}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The port it listens on, also once stopped: to start another broker where clients look for this one. */
    public int port() {
        return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
    }

    /** Where the broker keeps its logs and metadata while it runs. */
    public Path logDirectory() {
        return logDirectory;
    }

    /** The Spring property that points a service at this broker. */
    public Map<String, String> springProperties() {
        return Map.of(BOOTSTRAP_SERVERS, bootstrapServers());
    }

    /** Stops the broker and deletes its log directory. */
    @Override
    public void close() {
        broker.destroy();
    }
}
