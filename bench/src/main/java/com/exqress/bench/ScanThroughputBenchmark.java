package com.exqress.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * {@code POST /scans} end to end (JWT check, label signature check, authorisation, command, durable append, answer)
 * under closed-loop load, against raw single-row durable inserts into the same PostgreSQL at the same concurrency in
 * the same run; and, to tell the web stack's share from the rest, against {@code GET /auth/me}, which takes the same
 * path through Netty, WebFlux and the access token check but does nothing. The server is the standalone jar on its
 * embedded defaults ({@link StandaloneServer}), with the scan rate limits raised out of the way and the metrics
 * endpoint exposed.
 *
 * <p>Every measured scan is a legitimate step that succeeds: each client owns its own parcels and takes each, in
 * turn, one step further round {@link #CYCLE}, so no two scans of one parcel are ever in flight together. The
 * hot-parcel variant then has many clients scan hub arrivals on four parcels at once, where a courier can find
 * the parcel already at their hub: those refusals are counted apart from errors. Half its clients scan through a
 * second writer on the same database ({@link StandaloneServer#startSecondWriter()}): within one process, Axon's
 * aggregate lock queues the commands on a waybill, so only between two processes do appends collide, and the
 * conflicts are retried.
 *
 * <p>Arguments: the standalone jar, measured seconds per variant (default 20), warm-up seconds per variant (default
 * 10), runs (default 3), parcels per variant (default 400).
 */
public final class ScanThroughputBenchmark {

    private static final int[] CLIENTS = {16, 64};
    private static final int HOT_PARCELS = 4;
    private static final int HOT_CLIENTS = 64;
    private static final String SEL_COURIER = "courier-swp-1";
    private static final String BSN_COURIER = "courier-swp-2";
    /** The one refusal the hot variant expects: a courier scanning an arrival at the hub the parcel is already at. */
    private static final String DUPLICATE_ARRIVAL = "409 INVALID_TRANSITION";
    private static final Pattern METER_VALUE = Pattern.compile("\"value\":([0-9.E+-]+)");

    /** What the server needs for this benchmark, on top of the embedded defaults. */
    static final String[] SERVER_PROPERTIES = {
            // A courier may scan 120 a minute; the clients here are many scanners sharing two couriers' tokens.
            "--exqress.scans.per-courier-per-minute=1000000000", "--exqress.scans.per-device-per-minute=1000000000",
            // To read exqress.commands.conflicts; the second writer of the hot parcels gets the same properties.
            "--management.endpoints.web.exposure.include=health,info,metrics",
    };

    /** A scan a courier makes at a hub. */
    private record Step(String action, String hub, String courier) {
    }

    /**
     * A parcel that keeps failing delivery and is sent round again: in at Seoul's hub, out of it, in at Busan's (its
     * destination), out for delivery and failed delivery with the Busan courier, who keeps it until the next arrival
     * in Seoul. Every step is legitimate after the one before, the first after the hand-off to courier-swp-1 that
     * every parcel here starts from; two of the five disclose the recipient's data, as going out for delivery and
     * delivering do in a parcel's real life.
     */
    private static final Step[] CYCLE = {
            new Step("HUB_ARRIVAL", "SEL-01", SEL_COURIER),
            new Step("HUB_DEPARTURE", "SEL-01", SEL_COURIER),
            new Step("HUB_ARRIVAL", "BSN-01", BSN_COURIER),
            new Step("OUT_FOR_DELIVERY", "BSN-01", BSN_COURIER),
            new Step("DELIVERY_FAILED", "BSN-01", BSN_COURIER),
    };

    private final StandaloneServer server;
    private final Connection postgres;
    private final Duration warmUp;
    private final Duration measured;
    private final int parcels;
    private final ClosedLoopLoad load = new ClosedLoopLoad();
    private RawInserts.RowSize rowSize;

    private ScanThroughputBenchmark(StandaloneServer server, Connection postgres, Duration warmUp, Duration measured,
                                    int parcels) {
        this.server = server;
        this.postgres = postgres;
        this.warmUp = warmUp;
        this.measured = measured;
        this.parcels = parcels;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "standalone/target/exqress.jar");
        Duration measured = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 20);
        Duration warmUp = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 10);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int parcels = args.length > 4 ? Integer.parseInt(args[4]) : 400;
        try (StandaloneServer server = StandaloneServer.start(jar, SERVER_PROPERTIES)) {
            Result result = run(server, measured, warmUp, runs, parcels);
            printTables(result.rows(), result.hotRows());
            // The rows this benchmark adds to the suite's table, as BenchSuite prints them.
            Figure.printTable(result.figures());
        }
    }

    /** Every run's rows: the scans and their baselines at each concurrency, and the hot parcels. */
    record Result(List<Row> rows, List<HotRow> hotRows) {

        List<Figure> figures() {
            List<Figure> figures = new ArrayList<>();
            for (int clients : CLIENTS) {
                List<Row> at = rows.stream().filter(row -> row.clients() == clients).toList();
                double scans = Medians.of(at.stream().mapToDouble(row -> row.scans().perSecond()).toArray());
                double inserts = Medians.of(at.stream().mapToDouble(row -> row.baseline().perSecond()).toArray());
                figures.add(new Figure("1. POST /scans, " + clients + " clients", scans, "per s",
                        "raw single-row inserts", inserts, clients == 16 ? "≥ 0.5 of baseline" : "—",
                        clients == 16 ? scans / inserts >= 0.5 : null));
                if (clients == 16) {
                    double p99 = Medians.of(at.stream().mapToDouble(row -> row.scans().p99()).toArray());
                    figures.add(new Figure("1. POST /scans p99, 16 clients", p99, "ms", "raw insert p99",
                            Medians.of(at.stream().mapToDouble(row -> row.baseline().p99()).toArray()), "< 50 ms",
                            p99 < 50));
                    double readModelLag = Medians.of(at.stream().mapToDouble(row -> row.lag().slowestReadModel().p99()).toArray());
                    figures.add(new Figure("3. read models' live lag p99 under the 16-client scans (slowest: "
                            + at.get(at.size() - 1).lag().slowestReadModel().name() + ")", readModelLag, "s", "",
                            Double.NaN, "< 1 s", readModelLag < 1));
                    figures.add(Figure.untargeted("3. every processor's live lag p99 under the 16-client scans (slowest: "
                                    + at.get(at.size() - 1).lag().slowest().name() + ")",
                            Medians.of(at.stream().mapToDouble(row -> row.lag().slowest().p99()).toArray()), "s", "", Double.NaN));
                }
            }
            long otherFailures = hotRows.stream().mapToLong(HotRow::otherFailures).sum();
            double conflicts = hotRows.stream().mapToDouble(HotRow::conflicts).sum();
            // A conflict that is retried and then succeeds or is refused as a duplicate is no failure; one that
            // runs out of attempts is a 409 CONCURRENT_MODIFICATION among the other failures.
            figures.add(new Figure("1. hot parcels, " + HOT_CLIENTS + " clients on two writers: conflicts retried",
                    conflicts, "", "", Double.NaN, "conflicts retried, no errors", conflicts > 0 && otherFailures == 0));
            figures.add(new Figure("1. hot parcels, " + HOT_CLIENTS + " clients on two writers: failures other than "
                    + "refused duplicates", otherFailures, "", "", Double.NaN, "0", otherFailures == 0));
            return figures;
        }
    }

    /** On a server started with {@link #SERVER_PROPERTIES}. */
    static Result run(StandaloneServer server, Duration measured, Duration warmUp, int runs, int parcels)
            throws Exception {
        try (Connection postgres = DriverManager.getConnection(jdbcUrl(server), "postgres", "")) {
            System.out.printf("PostgreSQL: synchronous_commit=%s, fsync=%s; %d s warm-up and %d s measured per variant,"
                            + " %d runs, %d fresh parcels per variant; 1-minute load average at the start: %.1f%n",
                    PostgresSettings.show(postgres, "synchronous_commit"), PostgresSettings.show(postgres, "fsync"), warmUp.toSeconds(),
                    measured.toSeconds(), runs, parcels, LoadAverage.now());
            ScanThroughputBenchmark benchmark = new ScanThroughputBenchmark(server, postgres, warmUp, measured, parcels);
            benchmark.warmUpAll();
            List<Row> rows = new ArrayList<>();
            List<HotRow> hotRows = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                for (int clients : CLIENTS) {
                    rows.add(benchmark.baselineThenScans(run, clients));
                    System.out.println(rows.get(rows.size() - 1).markdown());
                }
                hotRows.add(benchmark.hotParcels(run, baselineOf(rows, run, HOT_CLIENTS)));
                System.out.println(hotRows.get(hotRows.size() - 1).markdown());
            }
            return new Result(rows, hotRows);
        }
    }

    /**
     * Warms up the server with scans for six variants' warm-up, then {@code GET /auth/me} and the inserts for three
     * each: a fresh JVM measures 35-50 % low here, and with 30 s of scans the first run still measured half of the
     * later ones. The baseline's rows are sized after the scans' events, so the scans come first.
     */
    private void warmUpAll() throws Exception {
        Duration scans = warmUp.multipliedBy(6);
        Duration others = warmUp.multipliedBy(3);
        System.out.printf("warming up, 16 clients: %d s of scans, %d s of GET /auth/me, %d s of inserts (not counted)%n",
                scans.toSeconds(), others.toSeconds(), others.toSeconds());
        load.warmUp(16, scans, cycle(labelledParcels(parcels), 16));
        load.warmUp(16, others, me());
        rowSize = RawInserts.rowSizeOf(postgres);
        System.out.printf("baseline rows: %d-byte payload and %d-byte metadata, the average of the %d events stored%n",
                rowSize.payload(), rowSize.metaData(), rowSize.events());
        RawInserts.createTable(postgres);
        try (RawInserts inserts = RawInserts.open(jdbcUrl(server), 16, rowSize)) {
            load.warmUp(16, others, inserts.call());
        }
    }

    /** The baselines and the scans at one concurrency, back to back, scans on parcels made for them. */
    private Row baselineThenScans(int run, int clients) throws Exception {
        List<String> labels = labelledParcels(parcels);
        double loadAverage = LoadAverage.now();
        OtherCpu others = othersFromNow();
        ClosedLoopLoad.Result baseline;
        try (RawInserts inserts = RawInserts.open(jdbcUrl(server), clients, rowSize)) {
            baseline = load.run(clients, warmUp, measured, inserts.call());
        }
        ClosedLoopLoad.Result ceiling = load.run(clients, warmUp, measured, me());
        ClosedLoopLoad.Result scans;
        LiveLag.Result lag;
        try (LiveLag watch = LiveLag.watch(jdbcUrl(server))) {
            scans = load.run(clients, warmUp, measured, cycle(labels, clients));
            lag = watch.stop();
        }
        System.out.printf("processor lag during the scans at %d clients, slowest first:%n%s", clients, lag.describe());
        return new Row(run, clients, loadAverage, others.cores(), baseline, ceiling, scans, lag);
    }

    /** {@code GET /auth/me} as a courier: what any authenticated request costs before it does anything. */
    private ClosedLoopLoad.Call me() throws IOException, InterruptedException {
        String token = server.login(SEL_COURIER);
        return load.requests(client -> ClosedLoopLoad.get(server.uri("/auth/me"), token));
    }

    /**
     * Hub arrivals on {@value #HOT_PARCELS} new parcels by {@value #HOT_CLIENTS} clients, half of them through a
     * second writer started for this variant alone, so that it costs the other variants nothing. The conflicts are
     * those both writers counted while the load was measured, not during its warm-up.
     */
    private HotRow hotParcels(int run, double insertsPerSecond) throws Exception {
        try (StandaloneServer second = server.startSecondWriter()) {
            System.out.printf("(second writer on the same database ready in %.0f s)%n", second.startUp().toMillis() / 1e3);
            List<StandaloneServer> writers = List.of(server, second);
            List<StandaloneServer.Parcel> hot = parcelsWithCourier(HOT_PARCELS);
            ClosedLoopLoad.Call arrivals = hotArrivals(qrTexts(hot), writers);
            double loadAverage = LoadAverage.now();
            OtherCpu others = othersFromNow(second.pid());
            load.warmUp(HOT_CLIENTS, warmUp, arrivals);
            double conflictsBefore = conflicts(writers);
            ClosedLoopLoad.Result scans = load.measure(HOT_CLIENTS, measured, arrivals);
            return new HotRow(run, loadAverage, others.cores(), scans, conflicts(writers) - conflictsBefore,
                    eventsOf(hot.get(0).waybillId()), scans.perSecond() / insertsPerSecond);
        }
    }

    /** @param moreServers the pids of server processes besides {@link #server} */
    private OtherCpu othersFromNow(long... moreServers) throws IOException {
        long[] jvms = LongStream.concat(LongStream.of(ProcessHandle.current().pid(), server.pid()),
                LongStream.of(moreServers)).toArray();
        return OtherCpu.since(server.postgresPid(), jvms);
    }

    /** The embedded PostgreSQL as its superuser, who has no password there; the event store is in database postgres. */
    private static String jdbcUrl(StandaloneServer server) throws IOException {
        return server.jdbcUrl("postgres");
    }

    private static double baselineOf(List<Row> rows, int run, int clients) {
        return rows.stream().filter(row -> row.run() == run && row.clients() == clients).findFirst().orElseThrow()
                .baseline().perSecond();
    }

    /**
     * Scans round {@link #CYCLE}: client i scans parcels i, i + clients, i + 2 clients, … in turn, each one step
     * further than its last accepted scan, so no two scans of one parcel are ever in flight together.
     */
    private ClosedLoopLoad.Call cycle(List<String> labels, int clients) throws IOException, InterruptedException {
        Map<String, String> tokens = courierTokens();
        int[] steps = new int[labels.size()];
        int[] current = new int[clients];
        Arrays.setAll(current, client -> client);
        ClosedLoopLoad.Call send = load.requests(client -> {
            int parcel = current[client];
            Step step = CYCLE[steps[parcel] % CYCLE.length];
            return scan(server, tokens.get(step.courier()), labels.get(parcel), step, client);
        });
        return client -> {
            String failure = send.make(client);
            if (failure == null) {
                steps[current[client]]++;
            }
            int next = current[client] + clients;
            current[client] = next < labels.size() ? next : client;
            return failure;
        };
    }

    /**
     * Many couriers scanning arrivals of a few parcels at once, half at Seoul's hub and half at Busan's: each scan
     * is either the parcel's arrival or a duplicate of one just made at the same hub, which is refused. Clients
     * 0 and 1 send to the first writer, 2 and 3 to the second, and so on, so each writer gets half of each hub's
     * scans. The tokens come from the first writer; the second checks them with the same key.
     */
    private ClosedLoopLoad.Call hotArrivals(List<String> labels, List<StandaloneServer> writers)
            throws IOException, InterruptedException {
        Map<String, String> tokens = courierTokens();
        Step atSeoul = new Step("HUB_ARRIVAL", "SEL-01", SEL_COURIER);
        Step atBusan = new Step("HUB_ARRIVAL", "BSN-01", BSN_COURIER);
        return load.requests(client -> {
            Step step = client % 2 == 0 ? atSeoul : atBusan;
            StandaloneServer writer = writers.get(client / 2 % writers.size());
            String label = labels.get(ThreadLocalRandom.current().nextInt(labels.size()));
            return scan(writer, tokens.get(step.courier()), label, step, client);
        });
    }

    private static HttpRequest scan(StandaloneServer to, String token, String qr, Step step, int client) {
        String body = "{\"qr\":\"" + qr + "\",\"action\":\"" + step.action() + "\",\"hub\":\"" + step.hub()
                + "\",\"deviceTime\":\"" + Instant.now() + "\"}";
        return HttpRequest.newBuilder(to.uri("/scans"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Device-Id", "bench-" + client)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Fresh tokens for every variant: they are valid for 15 minutes, less than a whole run. */
    private Map<String, String> courierTokens() throws IOException, InterruptedException {
        return Map.of(SEL_COURIER, server.login(SEL_COURIER), BSN_COURIER, server.login(BSN_COURIER));
    }

    /** New parcels, handed to courier-swp-1, and their QR texts; made by several threads, as it is not measured. */
    private List<String> labelledParcels(int count) throws Exception {
        long started = System.nanoTime();
        List<String> labels = qrTexts(parcelsWithCourier(count));
        System.out.printf("(%d parcels prepared in %.0f s)%n", count, (System.nanoTime() - started) / 1e9);
        return labels;
    }

    private List<StandaloneServer.Parcel> parcelsWithCourier(int count) throws Exception {
        String sender = server.login("sender1");
        return inParallel(count, i -> server.parcelWithCourier(sender));
    }

    private List<String> qrTexts(List<StandaloneServer.Parcel> parcels) throws Exception {
        String sender = server.login("sender1");
        return inParallel(parcels.size(), i -> server.qrText(sender, parcels.get(i)));
    }

    private interface Setup<T> {
        T make(int i) throws Exception;
    }

    private static <T> List<T> inParallel(int count, Setup<T> setup) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                made.add(threads.submit(() -> setup.make(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : made) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Commands that met another writer's append and were retried, counted by each writer since it started. */
    private static double conflicts(List<StandaloneServer> writers) throws IOException, InterruptedException {
        double sum = 0;
        for (StandaloneServer writer : writers) {
            String meter = writer.get("/actuator/metrics/exqress.commands.conflicts", writer.login(SEL_COURIER));
            Matcher value = METER_VALUE.matcher(meter);
            if (!value.find()) {
                throw new IllegalStateException("no value in " + meter);
            }
            sum += Double.parseDouble(value.group(1));
        }
        return sum;
    }

    private long eventsOf(String waybillId) throws SQLException {
        try (PreparedStatement count = postgres.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            count.setString(1, waybillId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private record Row(int run, int clients, double loadAverage, double otherCores, ClosedLoopLoad.Result baseline,
                       ClosedLoopLoad.Result ceiling, ClosedLoopLoad.Result scans, LiveLag.Result lag) {

        double ratio() {
            return scans.perSecond() / baseline.perSecond();
        }

        double ofCeiling() {
            return scans.perSecond() / ceiling.perSecond();
        }

        String markdown() {
            return String.format("| %d | %d | %.1f | %.2f | %,.0f | %.1f | %.1f | %.1f | %d | %,.0f | %.1f | %d"
                            + " | %,.0f | %.1f | %.1f | %.1f | %d | %.3f | %.2f | %.2f | %.2f |",
                    run, clients, loadAverage, otherCores, baseline.perSecond(), baseline.p50(), baseline.p99(),
                    baseline.p999(), baseline.errors(), ceiling.perSecond(), ceiling.p99(), ceiling.errors(),
                    scans.perSecond(), scans.p50(), scans.p99(), scans.p999(), scans.errors(), ratio(), ofCeiling(),
                    lag.slowestReadModel().p99(), lag.slowest().p99());
        }
    }

    private record HotRow(int run, double loadAverage, double otherCores, ClosedLoopLoad.Result scans, double conflicts,
                          long events, double ratio) {

        long duplicates() {
            return scans.failures().getOrDefault(DUPLICATE_ARRIVAL, 0L);
        }

        long otherFailures() {
            return scans.errors() - duplicates();
        }

        String markdown() {
            return String.format("| %d | %.1f | %.2f | %,.0f | %.1f | %.1f | %.1f | %d | %d | %.0f | %d | %.3f |", run,
                    loadAverage, otherCores, scans.perSecond(), scans.p50(), scans.p99(), scans.p999(), duplicates(), otherFailures(),
                    conflicts, events, ratio);
        }
    }

    private static void printTables(List<Row> rows, List<HotRow> hotRows) {
        System.out.printf("%n| run | clients | load avg | other CPU | raw inserts/s | p50 ms | p99 ms | p99.9 ms | failed"
                + " | GET /auth/me/s | p99 ms | non-2xx | scans/s | p50 ms | p99 ms | p99.9 ms | non-2xx | scans ÷ inserts"
                + " | scans ÷ /auth/me | slowest read model's lag p99 s | slowest processor's lag p99 s |%n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%n");
        rows.forEach(row -> System.out.println(row.markdown()));
        System.out.printf("%n| clients | median raw inserts/s | median GET /auth/me/s | median scans/s"
                + " | median scans ÷ inserts | median scans ÷ /auth/me | median scan p99 ms |%n|---|---|---|---|---|---|---|%n");
        for (int clients : CLIENTS) {
            List<Row> at = rows.stream().filter(row -> row.clients() == clients).toList();
            System.out.printf("| %d | %,.0f | %,.0f | %,.0f | %.3f | %.2f | %.1f |%n", clients,
                    Medians.of(at.stream().mapToDouble(row -> row.baseline().perSecond()).toArray()),
                    Medians.of(at.stream().mapToDouble(row -> row.ceiling().perSecond()).toArray()),
                    Medians.of(at.stream().mapToDouble(row -> row.scans().perSecond()).toArray()),
                    Medians.of(at.stream().mapToDouble(Row::ratio).toArray()),
                    Medians.of(at.stream().mapToDouble(Row::ofCeiling).toArray()),
                    Medians.of(at.stream().mapToDouble(row -> row.scans().p99()).toArray()));
        }
        System.out.printf("%n| run | load avg | other CPU | hot scans/s (accepted) | p50 ms | p99 ms | p99.9 ms"
                + " | refused duplicates | other non-2xx | conflicts retried (both writers) | events on a hot parcel | ÷ inserts at %d |%n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|%n", HOT_CLIENTS);
        hotRows.forEach(row -> System.out.println(row.markdown()));
        rows.stream().flatMap(row -> row.scans().failures().entrySet().stream())
                .forEach(failure -> System.out.println("scan failure: " + failure.getKey() + " × " + failure.getValue()));
        hotRows.forEach(row -> System.out.println("hot run " + row.run() + " failures: " + row.scans().failures()));
    }
}
