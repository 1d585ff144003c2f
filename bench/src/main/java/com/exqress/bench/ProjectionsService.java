package com.exqress.bench;

import com.exqress.embedded.EmbeddedKafkaServer;
import com.exqress.embedded.EmbeddedPostgresServer;
import com.exqress.platform.ExqressPlatform;
import com.exqress.platform.privacy.MasterKeys;
import com.exqress.projections.ProjectionsApplication;
import com.nimbusds.jose.jwk.JWKSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The projections service as deployed (event store, read models, Kafka relay) in this JVM, on an embedded PostgreSQL
 * in a data directory of its own, with the durable settings the standalone jar's data directory has (fsync and
 * synchronous commit on), and an in-process Kafka broker.
 */
final class ProjectionsService implements AutoCloseable {

    private final Path dataDir;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final ConfigurableApplicationContext app;

    private ProjectionsService(Path dataDir, EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka,
                               ConfigurableApplicationContext app) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.app = app;
    }

    static ProjectionsService start() throws IOException {
        ExqressPlatform.quietAxon();
        Path dataDir = Files.createTempDirectory("exqress-bench-postgres");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir);
        EmbeddedKafkaServer kafka = null;
        try {
            kafka = EmbeddedKafkaServer.start();
            return new ProjectionsService(dataDir, postgres, kafka, startApp(postgres, kafka));
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            postgres.close();
            TempDirs.delete(dataDir);
            throw e;
        }
    }

    private static ConfigurableApplicationContext startApp(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka) {
        Map<String, Object> properties = new HashMap<>(postgres.springProperties());
        properties.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        properties.put("server.port", "0");
        properties.put("exqress.security.jwt.jwk-set-uri", "http://127.0.0.1:9/jwks.json");
        properties.put("exqress.security.jwt.issuer", "urn:bench");
        properties.put("exqress.projections.reconcile-interval", "PT0.1S");
        properties.put("exqress.projections.switch-lag", "0");
        properties.put("exqress.data-keys.master-keys", new JWKSet(MasterKeys.generate("bench")).toString(false));
        properties.put("logging.level.root", "WARN");
        return new SpringApplicationBuilder(ProjectionsApplication.class).properties(properties).run();
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    EmbeddedKafkaServer kafka() {
        return kafka;
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    EventProcessingConfiguration eventProcessing() {
        return app.getBean(org.axonframework.config.Configuration.class).eventProcessingConfiguration();
    }

    @Override
    public void close() throws IOException {
        try {
            app.close();
            kafka.close();
        } finally {
            postgres.close();
            TempDirs.delete(dataDir);
        }
    }
}
