package com.exqress.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone jar on its embedded defaults, run as a child process with {@code -Xmx512m} and an empty data
 * directory, so the load generator's JVM is not the server's; a second writer beside it on the same database,
 * when a benchmark needs two; and the few requests the system benchmarks set up their parcels with.
 */
final class StandaloneServer implements AutoCloseable {

    private static final Pattern FIELD = Pattern.compile("\"(waybillId|trackingNumber|access_token)\":\"([^\"]+)\"");
    /** The QR text in a ZPL label: the field data of its {@code ^BQ} QR code, after the {@code QA,} options. */
    private static final Pattern ZPL_QR = Pattern.compile("\\^FDQA,([^^]+)\\^FS");

    /** A parcel created by sender1, labelled, and handed to courier-swp-1. */
    record Parcel(String waybillId, String trackingNumber) {
    }

    /** What the jar logs once it serves requests ({@code ReadyBanner}). */
    private static final String READY = "Exqress is ready";
    /** What the jar logs once its in-process Kafka broker runs ({@code EmbeddedKafkaDefaults}): its address. */
    private static final Pattern KAFKA_BROKER = Pattern.compile("In-process Kafka broker at (\\S+)");
    /** The role the services connect as, and the embedded identity service's database ({@code EmbeddedPostgresServer}). */
    private static final String APP_ROLE = "exqress_app";
    private static final String IDENTITY_DATABASE = "exqress_identity";

    private final Process process;
    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final List<String> properties;
    /** False for a second writer, which uses the first one's data directory and leaves it to the first to delete. */
    private final boolean ownsDataDir;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Duration startUp;

    private StandaloneServer(Process process, Path jar, Path dataDir, Path log, List<String> properties,
                             boolean ownsDataDir, String base) {
        this.process = process;
        this.jar = jar;
        this.dataDir = dataDir;
        this.log = log;
        this.properties = properties;
        this.ownsDataDir = ownsDataDir;
        this.base = base;
    }

    /**
     * Starts the jar on an empty data directory and waits until it serves requests.
     *
     * @param properties Spring properties for the child's command line, such as {@code --exqress.x=y}
     */
    static StandaloneServer start(Path jar, String... properties) throws IOException, InterruptedException {
        Path workDir = Files.createTempDirectory("exqress-bench");
        return launch(jar, workDir, workDir.resolve("data"), true, List.of(properties), List.of());
    }

    /**
     * Starts the same jar with the same properties a second time, beside this running server, and waits until it
     * serves requests: a second writer of the same event store, as two replicas of the command service are. It
     * uses this server's PostgreSQL (so it starts none of its own), its Kafka broker, and its data directory, which
     * holds the keys both must share: the identity service's token signing key, the carriers' label signing keys
     * and the master key of the personal data. It has its own HTTP port, log and in-memory aggregate locks.
     */
    StandaloneServer startSecondWriter() throws IOException, InterruptedException {
        List<String> shared = List.of(
                "--spring.datasource.url=" + jdbcUrl("postgres"),
                "--spring.datasource.username=" + APP_ROLE,
                // The role's password is new at every start of this server and printed nowhere; the embedded
                // PostgreSQL trusts every connection from localhost (zonky runs initdb -A trust), as the benchmarks'
                // own superuser connections without a password show, so the password does not matter.
                "--spring.datasource.password=",
                "--spring.flyway.user=postgres",
                "--spring.flyway.password=",
                "--exqress.identity.datasource.url=" + jdbcUrl(IDENTITY_DATABASE),
                "--exqress.identity.datasource.username=" + APP_ROLE,
                "--exqress.identity.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers());
        return launch(jar, Files.createTempDirectory("exqress-bench-second-writer"), dataDir, false, properties, shared);
    }

    private static StandaloneServer launch(Path jar, Path workDir, Path dataDir, boolean ownsDataDir,
                                           List<String> properties, List<String> sharedWithFirst)
            throws IOException, InterruptedException {
        Path log = workDir.resolve("server.log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--exqress.data-dir=" + dataDir,
                // Else a graceful shutdown waits its whole 30 s for the load generator's idle keep-alive connections.
                "--server.shutdown=immediate"));
        command.addAll(sharedWithFirst);
        command.addAll(properties);
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(workDir.toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        StandaloneServer server = new StandaloneServer(process, jar, dataDir, log, properties, ownsDataDir,
                "http://localhost:" + port);
        try {
            server.startUp = awaitLine(process, log, READY, launched);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Waits until the child's log holds {@code line}, looking every 20 ms.
     *
     * @param launched {@link System#nanoTime()} just before the process was started
     * @return the time from {@code launched} until the line was seen
     */
    static Duration awaitLine(Process process, Path log, String line, long launched)
            throws IOException, InterruptedException {
        for (int i = 0; i < 6000; i++) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return Duration.ofNanos(System.nanoTime() - launched);
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no \"" + line + "\" from the child process; see " + log);
    }

    /** From the start of the process until it logged that it is ready, on an empty data directory. */
    Duration startUp() {
        return startUp;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /** A database of the embedded PostgreSQL, whose port is line 4 of its {@code postmaster.pid}. */
    String jdbcUrl(String database) throws IOException {
        return "jdbc:postgresql://localhost:" + postmasterPid().get(3).trim() + "/" + database;
    }

    /** The in-process broker's address, which only the log tells. */
    private String kafkaBootstrapServers() throws IOException {
        Matcher broker = KAFKA_BROKER.matcher(Files.readString(log));
        if (!broker.find()) {
            throw new IllegalStateException("no in-process Kafka broker in " + log);
        }
        return broker.group(1);
    }

    /** The embedded PostgreSQL's main process, which is not the server's child: {@code pg_ctl} detaches it. */
    long postgresPid() throws IOException {
        return Long.parseLong(postmasterPid().get(0).trim());
    }

    private List<String> postmasterPid() throws IOException {
        return Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
    }

    /** A demo user's access token (valid for 15 minutes). */
    String login(String user) throws IOException, InterruptedException {
        return field(post("/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"demo-password\"}"),
                "access_token");
    }

    Parcel parcelWithCourier(String senderToken) throws IOException, InterruptedException {
        String created = post("/waybills", senderToken, CREATE);
        String waybillId = field(created, "waybillId");
        post("/waybills/" + waybillId + "/labels", senderToken, null);
        post("/waybills/" + waybillId + "/handoffs", senderToken, "{\"toCourier\":\"courier-swp-1\"}");
        return new Parcel(waybillId, field(created, "trackingNumber"));
    }

    /** The text a scanner reads from the parcel's label, taken from the ZPL label, which carries it as it is. */
    String qrText(String token, Parcel parcel) throws IOException, InterruptedException {
        String zpl = get("/waybills/" + parcel.waybillId() + "/labels/current?format=zpl", token);
        Matcher qr = ZPL_QR.matcher(zpl);
        if (!qr.find()) {
            throw new IllegalStateException("no QR code in the ZPL label of " + parcel.waybillId());
        }
        return qr.group(1);
    }

    String get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    String post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(answer.request().uri() + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    static String field(String json, String name) {
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in the answer");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Stops the server and deletes its data, which runs to gigabytes, unless it is a second writer on another's;
     * the log stays for a post-mortem.
     */
    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        process.waitFor();
        if (ownsDataDir) {
            TempDirs.delete(dataDir);
        }
    }

    long pid() {
        return process.pid();
    }

    private static final String CREATE = """
            {"carrier":"SWP","service":"STANDARD",
             "sender":{"name":"Kim Minji","phone":"010-1234-5678",
                       "address":{"line1":"12 Sejong-daero","city":"Seoul","postalCode":"04524","country":"KR"}},
             "recipient":{"name":"Lee Jun","phone":"010-5555-0101",
                          "address":{"line1":"45 Haeundae-ro","city":"Busan","postalCode":"48094","country":"KR"}},
             "parcel":{"weightGrams":800,"lengthCm":20,"widthCm":15,"heightCm":10}}""";
}
