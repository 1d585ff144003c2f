package com.exqress.standalone.faults;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL server in an application's data directory, seen from outside the application the way an operator
 * sees it: {@code postmaster.pid} names its process (line 1) and port (line 4), {@code postmaster.opts} how it was
 * started, and {@code pg_ctl} next to the {@code postgres} binary stops and starts it. As root, the binaries run in a
 * user namespace of their own ({@code unshare -U}), as the embedded server's library runs them, because PostgreSQL
 * refuses to run as root.
 */
final class DataDirectoryPostgres {

    private final Path directory;

    DataDirectoryPostgres(Path directory) {
        this.directory = directory;
    }

    /** A connection as the superuser, which the embedded server trusts on localhost. */
    Connection connect() throws IOException, SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pidFileLine(3) + "/postgres", "postgres", "");
    }

    /** A fast shutdown, as {@code pg_ctl stop -m fast}: open sessions are ended, their transactions rolled back. */
    void stop() throws IOException, InterruptedException {
        pgCtl("stop", "-m", "fast", "-w");
    }

    /** Starts the server again with the options it last ran with, so on the same port. */
    void start() throws IOException, InterruptedException {
        List<String> options = startOptions();
        pgCtl("start", "-w", "-l", directory.resolveSibling("postgres-restarted.log").toString(),
                "-o", String.join(" ", options.subList(3, options.size())));
    }

    /** The server's main process. */
    ProcessHandle process() throws IOException {
        return ProcessHandle.of(Long.parseLong(pidFileLine(0))).orElseThrow(() -> new IOException("PostgreSQL is not running"));
    }

    /** SIGTERM to a server still running, for clean-up after a failed test. */
    void stopIfRunning() throws IOException {
        if (Files.exists(directory.resolve("postmaster.pid"))) {
            ProcessHandle.of(Long.parseLong(pidFileLine(0))).ifPresent(ProcessHandle::destroy);
        }
    }

    private void pgCtl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (new UnixSystem().getUid() == 0) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(Path.of(startOptions().get(0)).resolveSibling("pg_ctl").toString());
        command.addAll(List.of("-D", directory.toString()));
        command.addAll(Arrays.asList(arguments));
        Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolveSibling("pg_ctl.log").toFile())).start();
        assertThat(pgCtl.waitFor(60, TimeUnit.SECONDS) && pgCtl.exitValue() == 0)
                .as(String.join(" ", command) + "; see " + directory.resolveSibling("pg_ctl.log")).isTrue();
    }

    /** The binary and its arguments from {@code postmaster.opts}: {@code /…/bin/postgres "-D" "/…" "-p" "5432" …}. */
    private List<String> startOptions() throws IOException {
        String opts = Files.readString(directory.resolve("postmaster.opts")).strip();
        return Arrays.stream(opts.split(" ")).map(option -> option.replace("\"", "")).toList();
    }

    private String pidFileLine(int index) throws IOException {
        return Optional.of(Files.readAllLines(directory.resolve("postmaster.pid")))
                .filter(lines -> lines.size() > index).map(lines -> lines.get(index).strip())
                .orElseThrow(() -> new IOException("no line " + (index + 1) + " in " + directory.resolve("postmaster.pid")));
    }
}
