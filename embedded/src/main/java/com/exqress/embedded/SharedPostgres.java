package com.exqress.embedded;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: one embedded PostgreSQL per test JVM, started on first use and pointed at by
 * system properties, so every Spring context in that JVM uses it. Tests isolate themselves by their
 * own random ids, not by restarting the server.
 */
public final class SharedPostgres implements BeforeAllCallback {

    private static EmbeddedPostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            server = EmbeddedPostgresServer.startTemporary();
            server.springProperties().forEach(System::setProperty);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shared-postgres-stop"));
        }
        return server;
    }
}
