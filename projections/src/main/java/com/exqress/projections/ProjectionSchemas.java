package com.exqress.projections;

import com.exqress.projections.readmodel.ReadModelColor;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Migrates the projections service's schemas, each with a Flyway history of its own, as the schema owner like
 * the event store's migration: both copies of the read-model tables ({@code db/projections}), the serving views
 * over them ({@code db/projections-serving}), the Kafka relay's state ({@code db/relay}) and the webhooks with
 * their deliveries ({@code db/webhooks}) and the auditors' search index ({@code db/audit}). It runs while the context starts, before any event processor does.
 */
@Component
public class ProjectionSchemas {

    /** The schema query-api reads: views over the active copy of the read models. */
    public static final String SERVING = "projections";
    public static final String RELAY = "relay";
    public static final String AUDIT = "audit";

    public ProjectionSchemas(FlywayProperties flyway, DataSourceProperties dataSource) {
        String url = flyway.getUrl() != null ? flyway.getUrl() : dataSource.determineUrl();
        String user = flyway.getUser() != null ? flyway.getUser() : dataSource.determineUsername();
        String password = flyway.getPassword() != null ? flyway.getPassword() : dataSource.determinePassword();
        for (ReadModelColor color : ReadModelColor.values()) {
            migrate(url, user, password, flyway, color.schema(), "classpath:db/projections");
        }
        migrate(url, user, password, flyway, SERVING, "classpath:db/projections-serving");
        migrate(url, user, password, flyway, RELAY, "classpath:db/relay");
        migrate(url, user, password, flyway, "webhooks", "classpath:db/webhooks");
        migrate(url, user, password, flyway, AUDIT, "classpath:db/audit");
    }

    private static void migrate(String url, String user, String password, FlywayProperties flyway, String schema,
                                String location) {
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas(schema)
                .locations(location)
                .placeholders(flyway.getPlaceholders())
                .load()
                .migrate();
    }
}
