package com.exqress.projections.readmodel;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Migrates the read-model schema with a Flyway of its own (its own history table), as the schema owner
 * like the event store's migration. It runs while the context starts, before any event processor does.
 */
@Component
public class ReadModelSchema {

    public static final String NAME = "projections";

    public ReadModelSchema(FlywayProperties flyway, DataSourceProperties dataSource) {
        String url = flyway.getUrl() != null ? flyway.getUrl() : dataSource.determineUrl();
        String user = flyway.getUser() != null ? flyway.getUser() : dataSource.determineUsername();
        String password = flyway.getPassword() != null ? flyway.getPassword() : dataSource.determinePassword();
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas(NAME)
                .locations("classpath:db/projections")
                .placeholders(flyway.getPlaceholders())
                .load()
                .migrate();
    }
}
