package com.exqress.platform.eventstore;

import com.exqress.embedded.EmbeddedPostgresServer;
import com.exqress.embedded.SharedPostgres;
import org.flywaydb.core.Flyway;

import java.util.Map;

/** The shared embedded PostgreSQL with the write database's migrations applied, as a service would find it. */
public final class MigratedEventStore {

    private MigratedEventStore() {
    }

    public static EmbeddedPostgresServer server() {
        EmbeddedPostgresServer server = SharedPostgres.server();
        Flyway.configure()
                .dataSource(server.ownerDataSource())
                .locations("classpath:db/eventstore")
                .placeholders(Map.of("appRole", EmbeddedPostgresServer.APP_ROLE))
                .load()
                .migrate();
        return server;
    }
}
