package com.exqress.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server left running in a data directory by a process that died without stopping it. pg_ctl starts
 * the server as a daemon, so it outlives a JVM that was killed (kill -9, the OOM killer): it keeps the data
 * directory, and the next start on that directory fails. Whoever runs a server holds the library's lock file in
 * the data directory until it stops the server, so a server whose lock file can be taken has no owner left and
 * is stopped; one whose lock is held belongs to a live process and is left alone.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    /** The file zonky's EmbeddedPostgres locks while it runs a server in the directory. */
    private static final String OWNER_LOCK = "epg-lock";

    private OrphanedPostmaster() {
    }

    /**
     * Stops the server that {@code postmaster.pid} in {@code dataDirectory} names, if it runs and nobody owns it.
     * SIGTERM asks it for a clean shutdown; its sessions are gone with the process that opened them.
     *
     * @throws IllegalStateException when another live process runs a server in the directory, or the orphan does
     *                               not stop within {@code timeout}
     */
    static void stopIfAny(Path dataDirectory, Duration timeout) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock owner = tryLock(channel)) {
            if (owner == null) {
                throw new IllegalStateException("another process runs PostgreSQL in " + dataDirectory
                        + "; stop it first, or give this one a data directory of its own");
            }
            Optional<ProcessHandle> postmaster = postmaster(pidFile);
            if (postmaster.isPresent()) {
                stop(postmaster.get(), dataDirectory, timeout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check for a PostgreSQL server left running in " + dataDirectory, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /**
     * The live postgres process the pid file names. A pid file can outlive its server (after a power cut) and
     * its pid can be reused by something else: PostgreSQL deals with such a stale file itself when it starts.
     */
    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(process -> process.info().command()
                        .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                        .orElse(false));
    }

    private static void stop(ProcessHandle postmaster, Path dataDirectory, Duration timeout) {
        log.warn("PostgreSQL (pid {}) is still running in {}, left by a process that did not stop it; stopping it",
                postmaster.pid(), dataDirectory);
        postmaster.destroy();
        try {
            postmaster.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") left running in " + dataDirectory
                    + " did not stop within " + timeout.toSeconds() + " s; stop it and start again");
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for PostgreSQL (pid " + postmaster.pid() + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL (pid " + postmaster.pid() + ") stopped", e);
        }
    }
}
