package com.exqress.standalone;

import com.exqress.embedded.EmbeddedPostgresServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * When no datasource is configured, starts a real PostgreSQL as a child process with its data in
 * {@code EXQRESS_DATA_DIR/postgres} (default {@code ./data}), so the data survives restarts, and points
 * the application at it. With {@code SPRING_DATASOURCE_URL} set, it does nothing.
 */
public class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor {

    static final String DATA_DIR = "exqress.data-dir";
    static final String PROPERTY_SOURCE = "exqress-embedded-postgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, "./data")).toAbsolutePath().normalize();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
        Map<String, Object> properties = new HashMap<>(server.springProperties());
        properties.put(DATA_DIR, dataDir.toString());
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        application.addListeners(new StopOnShutdown("PostgreSQL", server::close));
    }
}
