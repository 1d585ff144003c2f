package com.exqress.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far each running tracking processor of a server is behind its event store, sampled every {@value
 * #SAMPLE_MILLIS} ms from the token store: the age of the oldest stored event the processor has not handled yet, 0
 * when it has caught up. For the read models that is how long a customer's tracking page waits after a scan's
 * answer. A processor counts while a node holds one of its segments, so the stopped copy of a read model does not.
 */
final class LiveLag implements AutoCloseable {

    static final int SAMPLE_MILLIS = 100;
    /** The tokens are JSON (Axon's Jackson serializer): a GapAwareTrackingToken's highest handled event is "index". */
    private static final Pattern INDEX = Pattern.compile("\"index\":([0-9]+)");

    private final Connection postgres;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, List<Double>> secondsByProcessor = new HashMap<>();
    private SQLException failure;

    private LiveLag(Connection postgres) {
        this.postgres = postgres;
    }

    /** Starts sampling, as the superuser of the server's PostgreSQL, where the event store is in database postgres. */
    static LiveLag watch(String jdbcUrl) throws SQLException {
        LiveLag lag = new LiveLag(DriverManager.getConnection(jdbcUrl, "postgres", ""));
        lag.sampler.scheduleAtFixedRate(lag::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        return lag;
    }

    private synchronized void sample() {
        try {
            for (Map.Entry<String, Long> position : positions().entrySet()) {
                secondsByProcessor.computeIfAbsent(position.getKey(), name -> new ArrayList<>())
                        .add(secondsBehind(position.getValue()));
            }
        } catch (SQLException e) {
            failure = e;
            sampler.shutdown();
        }
    }

    /** Each claimed processor's lowest position over its segments. */
    private Map<String, Long> positions() throws SQLException {
        Map<String, Long> positions = new HashMap<>();
        try (PreparedStatement tokens = postgres.prepareStatement(
                "SELECT processor_name, token FROM token_entry WHERE owner IS NOT NULL AND token IS NOT NULL");
             ResultSet row = tokens.executeQuery()) {
            while (row.next()) {
                Matcher index = INDEX.matcher(new String(row.getBytes("token"), StandardCharsets.UTF_8));
                if (index.find()) {
                    positions.merge(row.getString("processor_name"), Long.parseLong(index.group(1)), Math::min);
                }
            }
        }
        return positions;
    }

    private double secondsBehind(long position) throws SQLException {
        try (PreparedStatement oldest = postgres.prepareStatement("SELECT extract(epoch FROM clock_timestamp() - "
                + "time_stamp::timestamptz) FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1")) {
            oldest.setLong(1, position);
            try (ResultSet row = oldest.executeQuery()) {
                return row.next() ? Math.max(0, row.getDouble(1)) : 0;
            }
        }
    }

    /** Stops sampling: each processor's lag percentiles over the samples taken. */
    synchronized Result stop() throws SQLException {
        sampler.shutdownNow();
        if (failure != null) {
            throw failure;
        }
        List<Processor> processors = new ArrayList<>();
        secondsByProcessor.forEach((name, seconds) -> {
            double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            processors.add(new Processor(name, percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1],
                    sorted.length));
        });
        processors.sort(Comparator.comparingDouble(Processor::p99).reversed());
        return new Result(processors);
    }

    private static double percentile(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    @Override
    public void close() throws SQLException {
        sampler.shutdownNow();
        postgres.close();
    }

    record Processor(String name, double p50, double p99, double max, int samples) {
    }

    /** The processors, slowest p99 first. */
    record Result(List<Processor> processors) {

        /** The read models people look at: the parcel read model (tracking, lists, the console) and the audit index. */
        private static boolean isReadModel(String processor) {
            return processor.startsWith("parcel-projection") || processor.equals("audit-index");
        }

        Processor slowest() {
            return processors.get(0);
        }

        Processor slowestReadModel() {
            return processors.stream().filter(processor -> isReadModel(processor.name())).findFirst().orElseThrow();
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            for (Processor processor : processors) {
                text.append(String.format("  %s: lag p50 %.2f s, p99 %.2f s, max %.2f s over %d samples%n", processor.name(),
                        processor.p50(), processor.p99(), processor.max(), processor.samples()));
            }
            return text.toString();
        }
    }
}
