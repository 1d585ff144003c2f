package com.exqress.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** {@link TrivialWebApp} as a child JVM on this JVM's class path, which holds Spring Boot and WebFlux. */
final class TrivialWebAppProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final URI base;
    private Duration startUp;

    private TrivialWebAppProcess(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** Started with the standalone server's {@code -Xmx512m}; returns once it serves requests. */
    static TrivialWebAppProcess start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("exqress-bench-trivial", ".log");
        long launched = System.nanoTime();
        Process process = new ProcessBuilder("java", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                TrivialWebApp.class.getName(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        TrivialWebAppProcess app = new TrivialWebAppProcess(process, log, URI.create("http://localhost:" + port));
        try {
            app.startUp = StandaloneServer.awaitLine(process, log, TrivialWebApp.READY, launched);
        } catch (IOException | InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** From the start of the process until it logged that it serves requests. */
    Duration startUp() {
        return startUp;
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor();
        Files.deleteIfExists(log);
    }
}
