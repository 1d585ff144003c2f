package com.exqress.bench;

/**
 * Iteration settings every benchmark here shares, sized so the whole suite (11 benchmarks, one fork
 * each) runs in about five minutes on a 2-core machine while each fork still gets a long warm-up: on such
 * a machine a fresh JVM measures 35-50 % below the same code warmed up.
 */
final class BenchSettings {

    static final int WARMUP_ITERATIONS = 8;
    static final int WARMUP_SECONDS = 2;
    static final int MEASUREMENT_ITERATIONS = 5;
    static final int MEASUREMENT_SECONDS = 2;

    /** The production base URL (docs/qr-format.md), so the QR text has the real length. */
    static final String BASE_URL = "HTTPS://EXQ.RS/L/";

    private BenchSettings() {
    }
}
