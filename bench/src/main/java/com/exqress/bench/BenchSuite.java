package com.exqress.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every benchmark of issue 7, one after another, then one table of each figure, its baseline from the same run,
 * the ratio and the target. Run it with {@code bench/run-suite.sh}, which builds what it needs first; this JVM is
 * meant to run with {@code -Xmx512m}, as the replay and the relay share it with the projections service.
 *
 * <p>Arguments: the standalone jar, then {@code reduced} (default: minutes, to check that everything works; its
 * figures are from cold, short runs) or {@code full} (the sizes of docs/benchmarks.md, about an hour).
 */
public final class BenchSuite {

    /** How long and how often each benchmark measures. */
    private record Size(Duration scanMeasured, Duration scanWarmUp, int scanParcels, Duration trackingMeasured,
                        Duration trackingWarmUp, int trackingParcels, int replayEvents, EventPathBenchmark.Settings eventPath,
                        int jmhWarmups, int jmhIterations, int jmhSeconds, int runs) {
    }

    /** 64 parcels: the scan benchmark's 64 clients each need one of their own. */
    private static final Size REDUCED = new Size(Duration.ofSeconds(4), Duration.ofSeconds(2), 64,
            Duration.ofSeconds(4), Duration.ofSeconds(2), 64, 20_000,
            new EventPathBenchmark.Settings(Duration.ofSeconds(2), Duration.ofSeconds(4), 1, 500, 200, Duration.ofSeconds(10)),
            2, 2, 1, 1);
    private static final Size FULL = new Size(Duration.ofSeconds(20), Duration.ofSeconds(10), 400,
            Duration.ofSeconds(20), Duration.ofSeconds(10), 200, 1_000_000,
            new EventPathBenchmark.Settings(Duration.ofSeconds(10), Duration.ofSeconds(20), 3, 10_000, 200, Duration.ofSeconds(60)),
            BenchSettings.WARMUP_ITERATIONS, BenchSettings.MEASUREMENT_ITERATIONS, BenchSettings.MEASUREMENT_SECONDS, 3);

    private interface Benchmark {
        List<Figure> figures() throws Exception;
    }

    private BenchSuite() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "standalone/target/exqress.jar");
        String sizeName = args.length > 1 ? args[1] : "reduced";
        Size size = switch (sizeName) {
            case "reduced" -> REDUCED;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("size is reduced or full, not " + sizeName);
        };
        long started = System.nanoTime();
        System.out.printf("Exqress benchmark suite, %s size, %s; %d cores, Java %s, max heap %d MiB%n", sizeName,
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        List<Figure> figures = new ArrayList<>();
        // One server for the scans and the tracking queries: each start takes a minute on a busy machine.
        System.out.printf("%n== starting %s (1-minute load average %.1f)%n", jar, LoadAverage.now());
        try (StandaloneServer server = StandaloneServer.start(jar, ScanThroughputBenchmark.SERVER_PROPERTIES)) {
            measure("7. start-up", figures,
                    () -> StartupBenchmark.against(server.startUp().toMillis() / 1000.0, size.runs()).figures());
            measure("1. scans", figures, () -> ScanThroughputBenchmark.run(server, size.scanMeasured(),
                    size.scanWarmUp(), size.runs(), size.scanParcels()).figures());
            measure("4. tracking query", figures, () -> TrackingQueryBenchmark.run(server, 64, size.trackingMeasured(),
                    size.runs(), size.trackingWarmUp(), size.trackingParcels()).figures());
        }
        measure("1. the web stack's ceiling", figures, () -> WebStackCeilingBenchmark.run(size.scanWarmUp(),
                size.scanMeasured(), size.runs()).figures());
        try (ProjectionsService service = ProjectionsService.start()) {
            measure("2 and 6. event appends and Kafka relay", figures,
                    () -> EventPathBenchmark.run(service, size.eventPath()).figures());
            measure("3 and 7. replay and heap", figures,
                    () -> ProjectionReplayBenchmark.run(service, size.replayEvents(), size.runs()).figures());
        }
        measure("5. labels and signatures (JMH)", figures,
                () -> JmhBenchmarks.run(size.jmhWarmups(), size.jmhIterations(), size.jmhSeconds()).figures());
        System.out.printf("%nsuite: %s size, %.1f min in all, 1-minute load average at the end %.1f%n", sizeName,
                (System.nanoTime() - started) / 60e9, LoadAverage.now());
        Figure.printTable(figures);
    }

    private static void measure(String name, List<Figure> figures, Benchmark benchmark) throws Exception {
        System.out.printf("%n== %s (1-minute load average %.1f)%n", name, LoadAverage.now());
        long started = System.nanoTime();
        figures.addAll(benchmark.figures());
        System.out.printf("== %s took %.0f s%n", name, (System.nanoTime() - started) / 1e9);
    }
}
