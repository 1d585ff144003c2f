package com.exqress.bench;

import com.exqress.waybill.WaybillStory;
import com.exqress.projections.readmodel.ParcelRebuilds;
import com.exqress.projections.readmodel.ReadModelColor;
import com.exqress.projections.readmodel.ReadModelState;
import com.exqress.waybill.api.WaybillEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rebuild of the parcel read model from the event store, in events/s, against a baseline measured in the
 * same run: a plain JDBC replay that streams the same events in order and upserts one row per event, sent
 * as a JDBC batch and committed every 100 events, as the projection's batches are. The store is filled with whole
 * parcel lifecycles ({@link WaybillStory}, 15 events each) before anything is measured. It runs on the projections
 * service in this JVM ({@link ProjectionsService}), whose heap is what issue 7 limits to {@code -Xmx512m}: after the
 * rebuilds, a full collection, and the heap still in use is reported.
 *
 * <p>Arguments: the number of events (default 200000) and the number of measured runs (default 3); one
 * unmeasured rebuild warms the JVM first.
 */
public final class ProjectionReplayBenchmark {

    private static final int EVENTS_PER_STORY = 15;
    private static final int STORIES_PER_TRANSACTION = 50;

    private ProjectionReplayBenchmark() {
    }

    /**
     * The medians of the runs, and the heap this JVM still used after the last rebuild and a full collection.
     *
     * @param events       the events each rebuild replayed: the whole store
     * @param heapMaxBytes the JVM's maximum heap ({@code -Xmx})
     */
    record Result(long events, int runs, double rawReplayPerSecond, double rebuildPerSecond, double ratio,
                  long heapUsedBytes, long heapMaxBytes) {

        List<Figure> figures() {
            return List.of(
                    new Figure("3. rebuild of the parcel read model (" + events + " events)", rebuildPerSecond,
                            "events/s", "raw JDBC replay", rawReplayPerSecond, "≥ 20,000 events/s",
                            rebuildPerSecond >= 20_000),
                    new Figure("7. heap used after the rebuilds, after a full GC", heapUsedBytes / MIB, "MiB",
                            "-Xmx", heapMaxBytes / MIB, "whole benchmark within -Xmx512m", heapMaxBytes <= 512 * MIB));
        }
    }

    private static final double MIB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (ProjectionsService service = ProjectionsService.start()) {
            Result result = run(service, events, runs);
            System.out.printf("%n| %d events, %d runs | median events/s | ratio |%n|---|---|---|%n", result.events(), runs);
            System.out.printf("| raw JDBC replay (baseline) | %.0f | 1.00 |%n", result.rawReplayPerSecond());
            System.out.printf("| parcel read-model rebuild | %.0f | %.2f |%n", result.rebuildPerSecond(), result.ratio());
            System.out.printf("heap used after the rebuilds and a full GC: %.0f MiB of %.0f MiB%n",
                    result.heapUsedBytes() / MIB, result.heapMaxBytes() / MIB);
        }
    }

    /** Adds about {@code events} events to the service's store, then measures one rebuild of the whole store per run. */
    static Result run(ProjectionsService service, int events, int runs) throws Exception {
        ConfigurableApplicationContext app = service.app();
        long stored = fill(app, events / EVENTS_PER_STORY);
        System.out.printf("stored %d events; waiting for the live projection to catch up%n", stored);
        ParcelRebuilds rebuilds = app.getBean(ParcelRebuilds.class);
        awaitIdle(rebuilds);
        System.out.printf("warm-up rebuild: %.0f events/s (not counted)%n", rebuild(app));
        List<double[]> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            double baseline = rawReplay(service.postgres().appDataSource());
            double rebuild = rebuild(app);
            results.add(new double[] {baseline, rebuild});
            System.out.printf("run %d: raw JDBC replay %.0f events/s, rebuild %.0f events/s, ratio %.2f%n",
                    run, baseline, rebuild, rebuild / baseline);
        }
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Result(storeSize(service.postgres().appDataSource()), runs,
                Medians.of(results.stream().mapToDouble(result -> result[0]).toArray()),
                Medians.of(results.stream().mapToDouble(result -> result[1]).toArray()),
                Medians.of(results.stream().mapToDouble(result -> result[1] / result[0]).toArray()),
                heap.getUsed(), heap.getMax());
    }

    private static long fill(ConfigurableApplicationContext app, int stories) {
        EventStore store = app.getBean(EventStore.class);
        TransactionTemplate transaction = app.getBean(TransactionTemplate.class);
        Instant start = Instant.parse("2026-11-01T08:00:00Z");
        Set<String> trackingNumbers = new HashSet<>();
        for (int written = 0; written < stories; written += STORIES_PER_TRANSACTION) {
            int batch = Math.min(STORIES_PER_TRANSACTION, stories - written);
            int offset = written;
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    WaybillStory story = storyWithNewTrackingNumber(start.plusSeconds(37L * (offset + i)), trackingNumbers);
                    List<WaybillEvent> life = story.wholeLife();
                    WaybillStory.append(store, story.waybillId(), 0, life);
                }
            });
        }
        return (long) stories * EVENTS_PER_STORY;
    }

    /**
     * Tracking numbers are random, as the service makes them; among the 66,000 parcels of a million events two share
     * one about once in five fills, which the service's creation would have refused and the read model refuses too.
     */
    private static WaybillStory storyWithNewTrackingNumber(Instant createdAt, Set<String> used) {
        WaybillStory story = new WaybillStory(createdAt);
        while (!used.add(story.trackingNumber().value())) {
            story = new WaybillStory(createdAt);
        }
        return story;
    }

    /** Rebuilds into the idle copy and returns events/s from the start until the serving views switched to it. */
    private static double rebuild(ConfigurableApplicationContext app) throws InterruptedException {
        ParcelRebuilds rebuilds = app.getBean(ParcelRebuilds.class);
        ReadModelState state = app.getBean(ReadModelState.class);
        ReadModelColor target = state.current().activeColor().other();
        long started = System.nanoTime();
        long head = rebuilds.rebuild().head();
        while (state.current().activeColor() != target) {
            Thread.sleep(20);
        }
        return head / seconds(System.nanoTime() - started);
    }

    private static void awaitIdle(ParcelRebuilds rebuilds) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (!liveCaughtUp(rebuilds) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
    }

    private static boolean liveCaughtUp(ParcelRebuilds rebuilds) {
        return rebuilds.servingLag() == 0;
    }

    /** Streams every event in order and upserts one row per event, in JDBC batches of 100, one commit each. */
    private static double rawReplay(DataSource dataSource) throws SQLException {
        try (Connection read = dataSource.getConnection(); Connection write = dataSource.getConnection()) {
            try (Statement ddl = write.createStatement()) {
                ddl.execute("CREATE TEMPORARY TABLE IF NOT EXISTS raw_replay (waybill_id TEXT PRIMARY KEY,"
                        + " last_index BIGINT NOT NULL, events INT NOT NULL, payload_bytes BIGINT NOT NULL)");
                ddl.execute("TRUNCATE raw_replay");
            }
            read.setAutoCommit(false);
            write.setAutoCommit(false);
            long count = 0;
            long started = System.nanoTime();
            try (Statement scan = read.createStatement();
                 PreparedStatement upsert = write.prepareStatement("INSERT INTO raw_replay VALUES (?, ?, 1, ?)"
                         + " ON CONFLICT (waybill_id) DO UPDATE SET last_index = excluded.last_index,"
                         + " events = raw_replay.events + 1, payload_bytes = raw_replay.payload_bytes + excluded.payload_bytes")) {
                scan.setFetchSize(1000);
                try (ResultSet events = scan.executeQuery("SELECT global_index, aggregate_identifier, payload"
                        + " FROM domain_event_entry ORDER BY global_index")) {
                    while (events.next()) {
                        upsert.setString(1, events.getString(2));
                        upsert.setLong(2, events.getLong(1));
                        upsert.setLong(3, events.getBytes(3).length);
                        upsert.addBatch();
                        if (++count % 100 == 0) {
                            upsert.executeBatch();
                            write.commit();
                        }
                    }
                    upsert.executeBatch();
                }
            }
            write.commit();
            read.commit();
            return count / seconds(System.nanoTime() - started);
        }
    }

    /** Every event in the store: the rebuilds replay them all, also those another benchmark appended before. */
    private static long storeSize(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
