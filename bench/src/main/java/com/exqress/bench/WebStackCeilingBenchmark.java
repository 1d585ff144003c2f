package com.exqress.bench;

import com.exqress.embedded.EmbeddedPostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far the scan target (scans/s at least half the raw insert rate) is from what any HTTP endpoint reaches on this
 * machine: {@code GET /hello} on {@link TrivialWebApp}, Netty and WebFlux with no security, no database and a
 * five-byte answer, under the scan benchmark's closed-loop load generator, against the scan benchmark's baseline,
 * raw single-row durable inserts into a PostgreSQL started as the standalone jar starts its own (fsync and
 * synchronous commit on), at the same concurrency in the same run. Every scan costs at least this request; if it
 * stays below half the inserts, so must the scans, whatever they do beyond it.
 *
 * <p>Arguments: warm-up seconds per variant (default 10), measured seconds per variant (default 20), runs (default 3).
 */
public final class WebStackCeilingBenchmark {

    private static final int[] CLIENTS = {16, 64};
    /** The average stored event of the scan benchmark's runs (docs/benchmarks.md): the rows the scans stand beside. */
    private static final RawInserts.RowSize SCAN_EVENT = new RawInserts.RowSize(512, 184, 0);

    private WebStackCeilingBenchmark() {
    }

    /** One concurrency's variants, measured back to back. */
    record Row(int run, int clients, ClosedLoopLoad.Result inserts, ClosedLoopLoad.Result hello) {

        double ratio() {
            return hello.perSecond() / inserts.perSecond();
        }

        String markdown() {
            return String.format(Locale.ROOT, "| %d | %d | %,.0f | %.1f | %,.0f | %.1f | %.1f | %d | %.3f |", run, clients,
                    inserts.perSecond(), inserts.p99(), hello.perSecond(), hello.p50(), hello.p99(),
                    inserts.errors() + hello.errors(), ratio());
        }
    }

    record Result(List<Row> rows) {

        List<Figure> figures() {
            List<Figure> figures = new ArrayList<>();
            for (int clients : CLIENTS) {
                List<Row> at = rows.stream().filter(row -> row.clients() == clients).toList();
                figures.add(Figure.untargeted("1. the web stack's ceiling: GET /hello on a bare WebFlux app, " + clients
                                + " clients", Medians.of(at.stream().mapToDouble(row -> row.hello().perSecond()).toArray()),
                        "req/s", "raw single-row inserts",
                        Medians.of(at.stream().mapToDouble(row -> row.inserts().perSecond()).toArray())));
            }
            return figures;
        }
    }

    public static void main(String[] args) throws Exception {
        Duration warmUp = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        Duration measured = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 20);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Figure.printTable(run(warmUp, measured, runs).figures());
    }

    static Result run(Duration warmUp, Duration measured, int runs) throws Exception {
        Path dataDir = Files.createTempDirectory("exqress-bench-ceiling");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir);
             TrivialWebAppProcess app = TrivialWebAppProcess.start()) {
            try (Connection connection = postgres.ownerDataSource().getConnection()) {
                System.out.printf("PostgreSQL: synchronous_commit=%s, fsync=%s; %d s warm-up and %d s measured per "
                                + "variant, %d runs; 1-minute load average at the start: %.1f%n",
                        PostgresSettings.show(connection, "synchronous_commit"), PostgresSettings.show(connection, "fsync"),
                        warmUp.toSeconds(), measured.toSeconds(), runs, LoadAverage.now());
                RawInserts.createTable(connection);
            }
            ClosedLoopLoad load = new ClosedLoopLoad();
            ClosedLoopLoad.Call hello = load.requests(client -> app.get("/hello"));
            System.out.printf("warming up, 16 clients: %d s of GET /hello, %d s of inserts (not counted)%n",
                    warmUp.multipliedBy(3).toSeconds(), warmUp.multipliedBy(3).toSeconds());
            load.warmUp(16, warmUp.multipliedBy(3), hello);
            try (RawInserts inserts = RawInserts.open(postgres.jdbcUrl(), 16, SCAN_EVENT)) {
                load.warmUp(16, warmUp.multipliedBy(3), inserts.call());
            }
            System.out.printf("%n| run | clients | raw inserts/s | p99 ms | GET /hello/s | p50 ms | p99 ms | failed"
                    + " | GET /hello ÷ inserts |%n|---|---|---|---|---|---|---|---|---|%n");
            List<Row> rows = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                for (int clients : CLIENTS) {
                    ClosedLoopLoad.Result inserted;
                    try (RawInserts inserts = RawInserts.open(postgres.jdbcUrl(), clients, SCAN_EVENT)) {
                        inserted = load.run(clients, warmUp, measured, inserts.call());
                    }
                    rows.add(new Row(run, clients, inserted, load.run(clients, warmUp, measured, hello)));
                    System.out.println(rows.get(rows.size() - 1).markdown());
                }
            }
            return new Result(rows);
        } finally {
            TempDirs.delete(dataDir);
        }
    }
}
