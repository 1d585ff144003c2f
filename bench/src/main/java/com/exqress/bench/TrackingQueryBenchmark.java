package com.exqress.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET /tracking/{trackingNumber}} under closed-loop load against the framework's ceiling on the same
 * server in the same run: {@code GET /auth/me}, which goes through the same JWT check and WebFlux stack but
 * reads nothing. The server is the standalone jar on its embedded defaults, started as a child process so the
 * load generator's JVM is not the server's.
 *
 * <p>Arguments: the standalone jar, clients (default 64), measured seconds per run (default 20), runs (default 3),
 * warm-up seconds per run (default 10; three times as much of each endpoint first), parcels (default 200).
 */
public final class TrackingQueryBenchmark {

    private TrackingQueryBenchmark() {
    }

    /** Medians over the runs. */
    record Result(int clients, double ceilingPerSecond, double trackingPerSecond, double trackingP99) {

        List<Figure> figures() {
            return List.of(new Figure("4. GET /tracking/{n}, " + clients + " clients", trackingPerSecond, "req/s",
                    "GET /auth/me (framework ceiling)", ceilingPerSecond, "≥ 0.5 of baseline",
                    trackingPerSecond / ceilingPerSecond >= 0.5));
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "standalone/target/exqress.jar");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Duration measured = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 20);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Duration warmUp = Duration.ofSeconds(args.length > 4 ? Integer.parseInt(args[4]) : 10);
        int parcels = args.length > 5 ? Integer.parseInt(args[5]) : 200;
        Result result;
        try (StandaloneServer server = StandaloneServer.start(jar)) {
            result = run(server, clients, measured, runs, warmUp, parcels);
        }
        System.out.printf("medians: GET /auth/me %.0f req/s, GET /tracking/{n} %.0f req/s (p99 %.1f ms), ratio %.2f%n",
                result.ceilingPerSecond(), result.trackingPerSecond(), result.trackingP99(),
                result.trackingPerSecond() / result.ceilingPerSecond());
    }

    /**
     * Warms the server up with three times {@code warmUp} of each endpoint, then gives each endpoint {@code warmUp}
     * more before each measurement.
     */
    static Result run(StandaloneServer server, int clients, Duration measured, int runs, Duration warmUp, int parcels)
            throws Exception {
        String sender = server.login("sender1");
        List<String> trackingNumbers = createParcels(server, sender, parcels);
        awaitVisible(server, sender, trackingNumbers.get(trackingNumbers.size() - 1));
        ClosedLoopLoad load = new ClosedLoopLoad();
        ClosedLoopLoad.Call me = load.requests(client -> ClosedLoopLoad.get(server.uri("/auth/me"), sender));
        ClosedLoopLoad.Call track = load.requests(client -> ClosedLoopLoad.get(server.uri("/tracking/"
                + trackingNumbers.get(ThreadLocalRandom.current().nextInt(trackingNumbers.size()))), sender));
        Duration firstWarmUp = warmUp.multipliedBy(3);
        System.out.printf("%d clients; %d s of each endpoint to warm the server up, then per run and endpoint %d s"
                        + " warm-up and %d s measured; %d parcels%n", clients, firstWarmUp.toSeconds(),
                warmUp.toSeconds(), measured.toSeconds(), parcels);
        load.warmUp(clients, firstWarmUp, me);
        load.warmUp(clients, firstWarmUp, track);
        double[] ceilings = new double[runs];
        double[] trackings = new double[runs];
        double[] p99s = new double[runs];
        for (int run = 1; run <= runs; run++) {
            ClosedLoopLoad.Result ceiling = load.run(clients, warmUp, measured, me);
            ClosedLoopLoad.Result tracking = load.run(clients, warmUp, measured, track);
            print(run, "GET /auth/me (ceiling)", ceiling, ceiling);
            print(run, "GET /tracking/{n}", tracking, ceiling);
            ceilings[run - 1] = ceiling.perSecond();
            trackings[run - 1] = tracking.perSecond();
            p99s[run - 1] = tracking.p99();
        }
        return new Result(clients, Medians.of(ceilings), Medians.of(trackings), Medians.of(p99s));
    }

    private static void print(int run, String what, ClosedLoopLoad.Result result, ClosedLoopLoad.Result ceiling) {
        System.out.printf("| %d | %s | %.0f | %.1f | %.1f | %.1f | %d | %.2f |%n", run, what, result.perSecond(),
                result.p50(), result.p99(), result.p999(), result.errors(), result.perSecond() / ceiling.perSecond());
    }

    private static List<String> createParcels(StandaloneServer server, String sender, int parcels)
            throws IOException, InterruptedException {
        List<String> trackingNumbers = new ArrayList<>();
        for (int i = 0; i < parcels; i++) {
            trackingNumbers.add(server.parcelWithCourier(sender).trackingNumber());
        }
        return trackingNumbers;
    }

    private static void awaitVisible(StandaloneServer server, String token, String trackingNumber) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            HttpResponse<Void> answer = http.send(ClosedLoopLoad.get(server.uri("/tracking/" + trackingNumber), token),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the read model never showed " + trackingNumber);
    }
}
