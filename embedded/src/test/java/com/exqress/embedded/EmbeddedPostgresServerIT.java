package com.exqress.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server in a data directory that survives restarts: also the restart after its owner was killed with kill -9. */
class EmbeddedPostgresServerIT {

    @TempDir
    Path dataDirectory;

    /** A failed test must not leave a server running on the shared machine. */
    @AfterEach
    void stopWhateverStillRuns() throws Exception {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            ProcessHandle.of(postmasterPid()).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void startsAgainWhereAKilledProcessLeftItsServerRunning() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledOwner.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.lines().filter(KilledOwner.READY::equals).findFirst()).as("the owner's server started").isPresent();
        } finally {
            owner.destroyForcibly();
        }
        assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        ProcessHandle leftRunning = ProcessHandle.of(postmasterPid()).orElseThrow();
        assertThat(leftRunning.isAlive()).as("pg_ctl runs the server as a daemon: kill -9 of its owner leaves it running").isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
            assertThat(leftRunning.isAlive()).isFalse();
            assertThat(postmasterPid()).isNotEqualTo(leftRunning.pid());
            assertThat(query(server, "SELECT note FROM left_behind")).isEqualTo("written before kill -9");
        }
    }

    @Test
    void commitsReachTheDiskBeforeTheyAreAcknowledged() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
            assertThat(query(server, "SHOW fsync")).isEqualTo("on");
            assertThat(query(server, "SHOW synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void leavesAServerThatALiveOwnerRunsAlone() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDirectory)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDirectory))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another process runs PostgreSQL in");

            assertThat(query(first, "SELECT 'still serving'")).isEqualTo("still serving");
        }
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = server.ownerDataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    /** Runs a server in the given data directory, writes a row, says so, and waits to be killed. */
    static final class KilledOwner {

        static final String READY = "owner ready";

        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
            try (Connection connection = server.ownerDataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE left_behind (note text); INSERT INTO left_behind VALUES ('written before kill -9')");
            }
            System.out.println(READY);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
