package com.exqress.embedded;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: one in-process Kafka broker per test JVM, started on first use and pointed at by the system
 * property {@code spring.kafka.bootstrap-servers}, so every Spring context in that JVM uses it. Tests isolate
 * themselves by their own random ids (record keys), not by restarting the broker.
 */
public final class SharedKafka implements BeforeAllCallback {

    private static EmbeddedKafkaServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    public static synchronized EmbeddedKafkaServer server() {
        if (server == null) {
            server = EmbeddedKafkaServer.start();
            server.springProperties().forEach(System::setProperty);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shared-kafka-stop"));
        }
        return server;
    }
}
