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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /tracking/{trackingNumber}} under closed-loop load against the framework's ceiling on the same
 * server in the same run: {@code GET /auth/me}, which goes through the same JWT check and WebFlux stack but
 * reads nothing. The server is the standalone jar on its embedded defaults, started as a child process so the
 * load generator's JVM is not the server's.
 *
 * <p>Arguments: the standalone jar, clients (default 64), measured seconds per run (default 20), runs (default 3).
 */
public final class TrackingQueryBenchmark {

    private static final Pattern FIELD = Pattern.compile("\"(waybillId|trackingNumber|access_token)\":\"([^\"]+)\"");
    private static final int PARCELS = 200;

    private TrackingQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "standalone/target/exqress.jar");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Duration measured = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 20);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int port = freePort();
        Path dataDir = Files.createTempDirectory("exqress-bench");
        Process server = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile())
                .directory(dataDir.toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
        try {
            String base = "http://localhost:" + port;
            awaitReady(base, dataDir.resolve("server.log"));
            String sender = login(base, "sender1");
            List<String> trackingNumbers = createParcels(base, sender);
            awaitVisible(base, sender, trackingNumbers.get(trackingNumbers.size() - 1));
            ClosedLoopLoad load = new ClosedLoopLoad();
            Duration warmUp = Duration.ofSeconds(10);
            IntFunction<HttpRequest> me = client -> ClosedLoopLoad.get(URI.create(base + "/auth/me"), sender);
            IntFunction<HttpRequest> track = client -> ClosedLoopLoad.get(URI.create(base + "/tracking/"
                    + trackingNumbers.get(ThreadLocalRandom.current().nextInt(trackingNumbers.size()))), sender);
            System.out.printf("%d clients; 30 s of each endpoint to warm the server up, then per run and endpoint %d s"
                    + " warm-up and %d s measured; %d parcels%n", clients, warmUp.toSeconds(), measured.toSeconds(), PARCELS);
            load.run(clients, Duration.ofSeconds(15), Duration.ofSeconds(15), me);
            load.run(clients, Duration.ofSeconds(15), Duration.ofSeconds(15), track);
            for (int run = 1; run <= runs; run++) {
                ClosedLoopLoad.Result ceiling = load.run(clients, warmUp, measured, me);
                ClosedLoopLoad.Result tracking = load.run(clients, warmUp, measured, track);
                print(run, "GET /auth/me (ceiling)", ceiling, ceiling);
                print(run, "GET /tracking/{n}", tracking, ceiling);
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void print(int run, String what, ClosedLoopLoad.Result result, ClosedLoopLoad.Result ceiling) {
        System.out.printf("| %d | %s | %.0f | %.1f | %.1f | %.1f | %d | %.2f |%n", run, what, result.requestsPerSecond(),
                result.p50(), result.p99(), result.p999(), result.errors(),
                result.requestsPerSecond() / ceiling.requestsPerSecond());
    }

    private static List<String> createParcels(String base, String sender) throws IOException, InterruptedException {
        List<String> trackingNumbers = new ArrayList<>();
        for (int i = 0; i < PARCELS; i++) {
            String created = post(base + "/waybills", sender, CREATE);
            String waybillId = field(created, "waybillId");
            post(base + "/waybills/" + waybillId + "/labels", sender, null);
            post(base + "/waybills/" + waybillId + "/handoffs", sender, "{\"toCourier\":\"courier-swp-1\"}");
            trackingNumbers.add(field(created, "trackingNumber"));
        }
        return trackingNumbers;
    }

    private static void awaitReady(String base, Path log) throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(log) && Files.readString(log).contains("Exqress is ready")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not start; see " + log);
    }

    private static void awaitVisible(String base, String token, String trackingNumber) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            HttpResponse<Void> answer = http.send(ClosedLoopLoad.get(URI.create(base + "/tracking/" + trackingNumber), token),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the read model never showed " + trackingNumber);
    }

    private static String login(String base, String user) throws IOException, InterruptedException {
        return field(post(base + "/auth/login", null,
                "{\"username\":\"" + user + "\",\"password\":\"demo-password\"}"), "access_token");
    }

    private static String post(String url, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    private static String field(String json, String name) {
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

    private static final String CREATE = """
            {"carrier":"SWP","service":"STANDARD",
             "sender":{"name":"Kim Minji","phone":"010-1234-5678",
                       "address":{"line1":"12 Sejong-daero","city":"Seoul","postalCode":"04524","country":"KR"}},
             "recipient":{"name":"Lee Jun","phone":"010-5555-0101",
                          "address":{"line1":"45 Haeundae-ro","city":"Busan","postalCode":"48094","country":"KR"}},
             "parcel":{"weightGrams":800,"lengthCm":20,"widthCm":15,"heightCm":10}}""";
}
