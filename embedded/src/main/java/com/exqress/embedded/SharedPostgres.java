package com.exqress.embedded;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.security.SecureRandom;
import java.util.Base64;

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
            // Every context of this JVM reads the others' events, so they share the key that opens their personal data.
            System.setProperty("exqress.data-keys.master-keys", masterKeys());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shared-postgres-stop"));
        }
        return server;
    }

    /** A JWK set of one AES-256 key, as {@code exqress.data-keys.master-keys} takes it. */
    private static String masterKeys() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"test-jvm\",\"k\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\"}]}";
    }
}
