package com.exqress.projections.readmodel;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Migrates the read-model schemas, each with a Flyway history of its own, as the schema owner like the event
 * store's migration: both copies of the tables ({@code db/projections}), then the serving views over them
 * ({@code db/projections-serving}). It runs while the context starts, before any event processor does.
 */
@Component
public class ReadModelSchemas {

    /** The schema query-api reads: views over the active copy. */
    public static final String SERVING = "projections";

    public ReadModelSchemas(FlywayProperties flyway, DataSourceProperties dataSource) {
        String url = flyway.getUrl() != null ? flyway.getUrl() : dataSource.determineUrl();
        String user = flyway.getUser() != null ? flyway.getUser() : dataSource.determineUsername();
        String password = flyway.getPassword() != null ? flyway.getPassword() : dataSource.determinePassword();
        for (ReadModelColor color : ReadModelColor.values()) {
            migrate(url, user, password, flyway, color.schema(), "classpath:db/projections");
        }
        migrate(url, user, password, flyway, SERVING, "classpath:db/projections-serving");
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
