package com.exqress.standalone;

import com.exqress.embedded.EmbeddedKafkaServer;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.util.HashMap;

/**
 * When no Kafka is configured ({@code KAFKA_BOOTSTRAP_SERVERS} unset), starts a Kafka broker inside this process,
 * on localhost only, and points the application at it. The broker keeps its log in a temporary directory that
 * goes away with it: the embedded default's integration events do not survive a restart. The relay's position
 * does, in PostgreSQL, so after a restart it publishes only the events that are new.
 */
public class EmbeddedKafkaDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "exqress-embedded-kafka";
    private static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";

    private final Log log;

    /** Logging starts only after the environment is ready, so the log line waits until then. */
    public EmbeddedKafkaDefaults(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedKafkaDefaults.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty(BOOTSTRAP_SERVERS))) {
            return;
        }
        EmbeddedKafkaServer server = EmbeddedKafkaServer.start();
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, new HashMap<>(server.springProperties())));
        application.addListeners(new StopOnShutdown("Kafka", server::close));
        // Consumers need the broker's random port, and nothing else tells it.
        log.info("In-process Kafka broker at " + server.bootstrapServers() + " (its topics start empty on every start)");
    }
}
