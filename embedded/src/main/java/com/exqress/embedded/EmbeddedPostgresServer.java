package com.exqress.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * A PostgreSQL server run as a child process (binaries from Maven Central), with the two roles
 * production has: the superuser owns the schema and runs Flyway, {@value #APP_ROLE} is what the
 * services connect as, with only the grants the migrations give it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String APP_ROLE = "exqress_app";
    /** The embedded identity service's own database, apart from the event store and the read models. */
    public static final String IDENTITY_DATABASE = "exqress_identity";
    private static final String OWNER = "postgres";
    private static final String DATABASE = "postgres";
    /** How long a server left running by a killed process may take to stop before a new start gives up. */
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final String appPassword;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String appPassword) {
        this.postgres = postgres;
        this.appPassword = appPassword;
    }

    /**
     * Starts a server whose data survives restarts in {@code dataDirectory}, after stopping one that a killed
     * process left running there. Whoever starts it closes it: the library's own shutdown hook would stop the
     * database under a service that is still draining its event processors on Ctrl-C.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        OrphanedPostmaster.stopIfAny(dataDirectory, ORPHAN_STOP_TIMEOUT);
        return start(EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                // The library starts every server with -F and synchronous_commit=off, which lose acknowledged
                // commits when the machine crashes; a later -c wins over -F. A 2xx must mean the event is on disk.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on"));
    }

    /**
     * Starts a throw-away server in a temporary directory, for tests. It keeps the library's fsync off and
     * asynchronous commit: its data dies with the test JVM anyway, and a crash of the machine is not a test case.
     */
    public static EmbeddedPostgresServer startTemporary() {
        return start(EmbeddedPostgres.builder());
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres postgres = builder.start();
            String password = newPassword();
            ensureAppRole(postgres.getPostgresDatabase(), password);
            ensureIdentityDatabase(postgres.getPostgresDatabase());
            return new EmbeddedPostgresServer(postgres, password);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** The Spring properties that point a service at this server: app role for work, owner for Flyway. */
    public Map<String, String> springProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", APP_ROLE,
                "spring.datasource.password", appPassword,
                "spring.flyway.user", OWNER,
                "spring.flyway.password", "",
                "exqress.identity.datasource.url", jdbcUrl(IDENTITY_DATABASE),
                "exqress.identity.datasource.username", APP_ROLE,
                "exqress.identity.datasource.password", appPassword);
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    private String jdbcUrl(String database) {
        return postgres.getJdbcUrl(OWNER, database).replaceFirst("\\?.*$", "");
    }

    public int port() {
        return postgres.getPort();
    }

    /** Connections as the superuser, as an operator with full rights would have. */
    public DataSource ownerDataSource() {
        return postgres.getPostgresDatabase();
    }

    /** Connections as the services' role. */
    public DataSource appDataSource() {
        return postgres.getDatabase(APP_ROLE, DATABASE);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The role is created before Flyway runs so that it can log in; a fresh password every start. */
    private static void ensureAppRole(DataSource owner, String password) {
        String sql = """
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s;
                    END IF;
                END
                $$;
                ALTER ROLE %1$s WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '%2$s';
                """.formatted(APP_ROLE, password);
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the " + APP_ROLE + " role", e);
        }
    }

    /** CREATE DATABASE cannot run in a transaction or a DO block, hence the look-up first. */
    private static void ensureIdentityDatabase(DataSource owner) {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            boolean exists;
            try (var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + IDENTITY_DATABASE + "'")) {
                exists = rows.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + IDENTITY_DATABASE + " OWNER " + APP_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the " + IDENTITY_DATABASE + " database", e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
