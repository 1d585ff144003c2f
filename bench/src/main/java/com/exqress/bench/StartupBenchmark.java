package com.exqress.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Start-up time of the standalone jar until it logs that it is ready, on an empty data directory (so PostgreSQL's
 * initdb, the migrations and the demo data are included), with {@code -Xmx512m}; against {@link TrivialWebApp}
 * started the same way on the same machine in the same run, the framework's floor. Each start is a fresh child JVM.
 *
 * <p>Arguments: the standalone jar, runs (default 3).
 */
public final class StartupBenchmark {

    /** Medians over the starts, in seconds. */
    record Result(double standalone, double trivialWebApp) {

        List<Figure> figures() {
            return List.of(Figure.untargeted("7. standalone start-up to ready (empty data directory)", standalone, "s",
                    "trivial WebFlux app", trivialWebApp));
        }
    }

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "standalone/target/exqress.jar");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double[] standalone = new double[runs];
        for (int run = 0; run < runs; run++) {
            try (StandaloneServer server = StandaloneServer.start(jar)) {
                standalone[run] = seconds(server.startUp());
            }
            System.out.printf("start %d: standalone %.1f s%n", run + 1, standalone[run]);
        }
        Result result = against(Medians.of(standalone), runs);
        System.out.printf("medians of %d starts: standalone %.1f s, trivial WebFlux app %.1f s%n", runs,
                result.standalone(), result.trivialWebApp());
    }

    /**
     * The standalone jar's start-up, measured elsewhere (the suite times the start of the server its scan and
     * tracking benchmarks share), against the median of {@code runs} starts of {@link TrivialWebApp}.
     */
    static Result against(double standaloneSeconds, int runs) throws IOException, InterruptedException {
        double[] trivial = new double[runs];
        for (int run = 0; run < runs; run++) {
            try (TrivialWebAppProcess app = TrivialWebAppProcess.start()) {
                trivial[run] = seconds(app.startUp());
            }
        }
        return new Result(standaloneSeconds, Medians.of(trivial));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
