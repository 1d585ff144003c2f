package com.exqress.standalone.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The standalone jar run as an operator runs it: {@code java -jar exqress.jar} in a child process, on a port and a
 * data directory of its own, started again on the same ones after it stopped or was killed. Each start logs to its
 * own file under {@code target/faults}, kept for reading after a failure.
 */
final class ExqressProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "exqress.jar");
    /** On two cores shared with other builds a start has taken over two minutes. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final Path dataDir;
    private final int port;
    private final List<String> settings;
    private Process process;
    private Path log;
    private int starts;

    /** @param settings further {@code --name=value} arguments, as an operator would pass them */
    ExqressProcess(String name, Path dataDir, List<String> settings) throws IOException {
        this.name = name;
        this.dataDir = dataDir;
        this.port = freePort();
        this.settings = List.copyOf(settings);
    }

    /** Starts the application and waits until it logs that it serves requests. */
    void start() throws IOException, InterruptedException {
        assertThat(JAR).as("the standalone jar, built in the package phase").exists();
        Files.createDirectories(Path.of("target", "faults"));
        log = Path.of("target", "faults", name + "-" + ++starts + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString(), "--server.port=" + port, "--exqress.data-dir=" + dataDir));
        command.addAll(settings);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A test JVM that ends without close() (stopped by Maven, by Ctrl-C) must not leave the server running.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        // Read as bytes: the file may end in the middle of a character that is still being written.
        while (!new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains("Exqress is ready")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                fail("start " + starts + " of " + name + " did not get ready; see " + log.toAbsolutePath());
            }
            Thread.sleep(200);
        }
    }

    /** SIGKILL to the JVM, as kill -9 sends it: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the JVM died").isTrue();
    }

    /** SIGTERM, as Ctrl-C or a container stop sends it: a clean shutdown that also stops the embedded PostgreSQL. */
    void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the application stopped").isTrue();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The PostgreSQL server the application runs in its data directory. */
    DataDirectoryPostgres postgres() {
        return new DataDirectoryPostgres(dataDir.resolve("postgres"));
    }

    /** Stops the application and, should a failed test have left it running on its own, its PostgreSQL. */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
        }
        postgres().stopIfRunning();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
