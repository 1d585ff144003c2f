package com.exqress.bench;

import com.exqress.projections.audit.AuditIndex;
import com.exqress.projections.relay.WaybillEventRelay;
import com.exqress.waybill.WaybillStory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Issue 7's benchmarks 2 and 6 on the projections service as deployed ({@link ProjectionsService}): the event store's
 * append path, Axon's JDBC engine with the hash-chained append that {@code EventStoreConfiguration} builds, reached
 * through Axon's {@link EventStore} bean; and the Kafka relay. Everything runs on one durable PostgreSQL (fsync and
 * synchronous commit on) and one in-process broker, baselines included.
 *
 * <ol>
 *     <li><b>Appends</b>, with every event processor stopped, so that nothing but the appends runs: a closed loop of
 *     1 and 16 threads, each appending whole parcel lives ({@link WaybillStory}, 15 events, one a creation that
 *     seals personal data) one event per transaction. Baseline, just before at the same concurrency:
 *     {@link RawInserts}, rows as big as the stored events.</li>
 *     <li><b>Relay throughput</b>: the relay and the audit index skip what the appends above stored (their tokens
 *     move to the head), then 16 threads append a backlog of new parcels' events. The relay alone is started and
 *     drains it; integration events/s from the first record a consumer receives to the last. Baseline: a plain
 *     {@link KafkaProducer} with the relay's settings (acks=all, idempotent) sending records of the relay's average
 *     size, one at a time and waiting for each acknowledgement, from as many threads as the relay runs.</li>
 *     <li><b>Steady state</b>: every processor running and caught up, appends at a fixed rate spread over 16
 *     threads, at most half the relay's throughput just measured, so that the relay can keep up. Each integration
 *     event's latency is its receipt by a consumer less the commit of its append. Every
 *     streaming processor's tokens are sampled every {@value #SAMPLE_MILLIS} ms: how many gaps each holds, and for
 *     how long a gap has been in a token (since the first sample that saw it). Baseline for the latency: the plain
 *     producer at the same rate, its send to the consumer's receipt.</li>
 * </ol>
 *
 * <p>Arguments: warm-up seconds per variant (default 10), measured seconds per variant (default 20), runs (default
 * 3), the relay's backlog (default 10000), steady-state appends per second (default 200), steady-state seconds
 * (default 60).
 */
public final class EventPathBenchmark {

    private static final int[] THREADS = {1, 16};
    private static final int STEADY_THREADS = 16;
    /** The relay's worker threads ({@code exqress-relay.properties}). */
    private static final int RELAY_THREADS = 2;
    private static final String RAW_TOPIC = "bench.raw-records";
    static final int SAMPLE_MILLIS = 100;
    /** Issue 7: no gap older than a few seconds. */
    private static final double GAP_AGE_TARGET_SECONDS = 5;
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(10);

    /**
     * @param relayBacklog events the relay drains to measure its throughput
     * @param steadyRate   appends per second in the steady state, at most half the relay's measured throughput
     */
    record Settings(Duration warmUp, Duration measured, int runs, int relayBacklog, int steadyRate, Duration steady) {
    }

    /** One variant's appends and their baseline, measured back to back. */
    record AppendRow(int run, int threads, ClosedLoopLoad.Result inserts, ClosedLoopLoad.Result appends) {

        double ratio() {
            return appends.perSecond() / inserts.perSecond();
        }
    }

    /** @param oldestSeconds how long the longest-lived gap stayed in a token, as far as the samples can tell */
    record Gaps(int mostPerToken, double oldestSeconds, int samples, int tokens) {
    }

    /** @param recordBytes the integration events' average size, also the baseline's record size */
    record Relay(long backlog, double eventsPerSecond, double rawRecordsPerSecond, int recordBytes) {
    }

    /** Milliseconds from the commit of an append (the baseline: from a send) until a consumer received the record. */
    record Latency(int rate, long events, double p50, double p99, long rawRecords, double rawP50, double rawP99) {
    }

    record Result(List<AppendRow> appends, Relay relay, Latency latency, Gaps gaps) {

        List<Figure> figures() {
            List<Figure> figures = new ArrayList<>();
            for (int threads : THREADS) {
                List<AppendRow> at = appends.stream().filter(row -> row.threads() == threads).toList();
                double appended = Medians.of(at.stream().mapToDouble(row -> row.appends().perSecond()).toArray());
                double inserted = Medians.of(at.stream().mapToDouble(row -> row.inserts().perSecond()).toArray());
                figures.add(Figure.untargeted("2. event appends (chained JDBC engine), " + threads + " thread"
                        + (threads == 1 ? "" : "s"), appended, "events/s", "raw single-row inserts", inserted));
            }
            figures.add(new Figure("2. gaps per tracking token, steady state at " + latency.rate()
                    + " appends/s (most seen)", gaps.mostPerToken(), "gaps", "", Double.NaN, "—", null));
            figures.add(new Figure("2. oldest gap in a tracking token, steady state", gaps.oldestSeconds(), "s", "",
                    Double.NaN, "≤ a few s (" + (int) GAP_AGE_TARGET_SECONDS + " s)",
                    gaps.oldestSeconds() <= GAP_AGE_TARGET_SECONDS));
            figures.add(Figure.untargeted("6. Kafka relay, backlog of " + relay.backlog() + " events",
                    relay.eventsPerSecond(), "events/s", "plain producer, acks=all, " + RELAY_THREADS + " threads",
                    relay.rawRecordsPerSecond()));
            figures.add(Figure.untargeted("6. append → Kafka p99 at " + latency.rate() + " appends/s", latency.p99(),
                    "ms", "plain producer send → consumer p99", latency.rawP99()));
            return figures;
        }
    }

    private final ProjectionsService service;
    private final Settings settings;
    private final ClosedLoopLoad load = new ClosedLoopLoad();
    private final EventStore store;

    private EventPathBenchmark(ProjectionsService service, Settings settings) {
        this.service = service;
        this.settings = settings;
        this.store = service.app().getBean(EventStore.class);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10),
                Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 20),
                args.length > 2 ? Integer.parseInt(args[2]) : 3,
                args.length > 3 ? Integer.parseInt(args[3]) : 10_000,
                args.length > 4 ? Integer.parseInt(args[4]) : 200,
                Duration.ofSeconds(args.length > 5 ? Integer.parseInt(args[5]) : 60));
        try (ProjectionsService service = ProjectionsService.start()) {
            Figure.printTable(run(service, settings).figures());
        }
    }

    static Result run(ProjectionsService service, Settings settings) throws Exception {
        return new EventPathBenchmark(service, settings).measure();
    }

    private Result measure() throws Exception {
        String jdbcUrl = service.postgres().jdbcUrl();
        try (Connection postgres = service.postgres().ownerDataSource().getConnection();
             Receipts receipts = Receipts.start(service.kafka().bootstrapServers(), relayTopic(), RAW_TOPIC)) {
            System.out.printf("PostgreSQL: fsync=%s, synchronous_commit=%s; %d s warm-up and %d s measured per variant,"
                            + " %d runs; 1-minute load average %.1f%n", PostgresSettings.show(postgres, "fsync"),
                    PostgresSettings.show(postgres, "synchronous_commit"),
                    settings.warmUp().toSeconds(), settings.measured().toSeconds(), settings.runs(), LoadAverage.now());
            PausedProcessors paused = PausedProcessors.stop(service);
            List<AppendRow> appends = appends(postgres, jdbcUrl);
            paused.skipToHead(WaybillEventRelay.PROCESSING_GROUP, AuditIndex.PROCESSING_GROUP);
            ParcelLives lives = new ParcelLives(store, STEADY_THREADS);
            Relay relay = relay(paused, lives, receipts);
            paused.resume();
            awaitCaughtUp(service.eventProcessing());
            int rate = (int) Math.max(1, Math.min(settings.steadyRate(), relay.eventsPerSecond() / 2));
            System.out.printf("steady state: %d appends/s for %d s%n", rate, settings.steady().toSeconds());
            Gaps gaps;
            CommitTimes appended = new CommitTimes();
            try (GapWatch watch = GapWatch.start(service.eventProcessing())) {
                paced(rate, settings.steady(), STEADY_THREADS, client -> appended.add(lives.appendNext(client)));
                gaps = watch.stop();
            }
            Latency latency = latency(receipts, rate, appended, relay.recordBytes());
            return new Result(appends, relay, latency, gaps);
        }
    }

    /** Warms both up at 16 threads, then each run measures the inserts and the appends at 1 and 16 threads. */
    private List<AppendRow> appends(Connection postgres, String jdbcUrl) throws SQLException, InterruptedException {
        ParcelLives lives = new ParcelLives(store, THREADS[THREADS.length - 1]);
        Duration warmUp = settings.warmUp().multipliedBy(3);
        System.out.printf("warming up, 16 threads: %d s of appends, then %d s of inserts (not counted)%n",
                warmUp.toSeconds(), warmUp.toSeconds());
        load.warmUp(16, warmUp, lives.call());
        RawInserts.RowSize rowSize = RawInserts.rowSizeOf(postgres);
        System.out.printf("baseline rows: %d-byte payload and %d-byte metadata, the average of the %d events stored%n",
                rowSize.payload(), rowSize.metaData(), rowSize.events());
        RawInserts.createTable(postgres);
        try (RawInserts inserts = RawInserts.open(jdbcUrl, 16, rowSize)) {
            load.warmUp(16, warmUp, inserts.call());
        }
        List<AppendRow> rows = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            for (int threads : THREADS) {
                ClosedLoopLoad.Result baseline;
                try (RawInserts inserts = RawInserts.open(jdbcUrl, threads, rowSize)) {
                    baseline = load.run(threads, settings.warmUp(), settings.measured(), inserts.call());
                }
                ClosedLoopLoad.Result appended = load.run(threads, settings.warmUp(), settings.measured(), lives.call());
                rows.add(new AppendRow(run, threads, baseline, appended));
                System.out.printf("run %d, %d threads: raw inserts %.0f/s (p99 %.1f ms, %d failed), appends %.0f/s"
                                + " (p99 %.1f ms, failed: %s), ratio %.2f%n", run, threads, baseline.perSecond(),
                        baseline.p99(), baseline.errors(), appended.perSecond(), appended.p99(), appended.failures(),
                        rows.get(rows.size() - 1).ratio());
            }
        }
        return rows;
    }

    /**
     * With the relay stopped, 16 threads append the backlog; the relay alone drains it; then the plain producer runs
     * for as long as a variant.
     */
    private Relay relay(PausedProcessors paused, ParcelLives lives, Receipts receipts) throws Exception {
        int backlog = settings.relayBacklog();
        appendConcurrently(lives, backlog);
        paused.startOnly(WaybillEventRelay.PROCESSING_GROUP);
        Receipts.Drain drain = receipts.awaitRelayed(backlog, CATCH_UP_LIMIT);
        int recordBytes = (int) Math.round(drain.averageBytes());
        System.out.printf("relay: %d events drained at %.0f events/s, %d bytes each on average%n", backlog,
                drain.perSecond(), recordBytes);
        try (KafkaProducer<String, String> producer = plainProducer(service.kafka().bootstrapServers())) {
            String value = "x".repeat(recordBytes);
            ClosedLoopLoad.Result raw = load.run(RELAY_THREADS, settings.warmUp(), settings.measured(), client -> {
                try {
                    producer.send(new ProducerRecord<>(RAW_TOPIC, UUID.randomUUID().toString(), value)).get();
                    return null;
                } catch (Exception e) {
                    return e.getClass().getSimpleName();
                }
            });
            System.out.printf("plain producer: %.0f records/s, p99 %.1f ms until acknowledged%n", raw.perSecond(), raw.p99());
            return new Relay(backlog, drain.perSecond(), raw.perSecond(), recordBytes);
        }
    }

    /** The steady state's latencies, then the plain producer's at the same rate, sending without waiting. */
    private Latency latency(Receipts receipts, int rate, CommitTimes appended, int recordBytes) throws Exception {
        Receipts.Latencies relayed = receipts.latencies(appended.committed(), Duration.ofSeconds(30));
        Map<String, Long> sent = new ConcurrentHashMap<>();
        String value = "x".repeat(recordBytes);
        try (KafkaProducer<String, String> producer = plainProducer(service.kafka().bootstrapServers())) {
            paced(rate, settings.measured(), 1, client -> {
                String key = UUID.randomUUID().toString();
                sent.put(key, System.nanoTime());
                producer.send(new ProducerRecord<>(RAW_TOPIC, key, value));
            });
            producer.flush();
        }
        Receipts.Latencies raw = receipts.latencies(sent, Duration.ofSeconds(30));
        System.out.printf("steady state at %d/s: relayed %d of %d appends, p50 %.1f ms, p99 %.1f ms; plain producer"
                        + " %d of %d, p50 %.1f ms, p99 %.1f ms%n", rate, relayed.received(),
                appended.committed().size(), relayed.p50(), relayed.p99(), raw.received(), sent.size(), raw.p50(), raw.p99());
        return new Latency(rate, relayed.received(), relayed.p50(), relayed.p99(), raw.received(),
                raw.p50(), raw.p99());
    }

    /** {@code events} appends by {@value #STEADY_THREADS} threads, as fast as they go. */
    private static void appendConcurrently(ParcelLives lives, int events) throws Exception {
        AtomicInteger remaining = new AtomicInteger(events);
        ExecutorService threads = Executors.newFixedThreadPool(STEADY_THREADS);
        try {
            List<Callable<Void>> clients = new ArrayList<>();
            for (int client = 0; client < STEADY_THREADS; client++) {
                int index = client;
                clients.add(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        lives.appendNext(index);
                    }
                    return null;
                });
            }
            for (Future<Void> client : threads.invokeAll(clients)) {
                client.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private String relayTopic() {
        return service.app().getEnvironment().getProperty("exqress.relay.topic", "exqress.waybill-events.v1");
    }

    /** With the relay's delivery guarantees ({@code KafkaRelayConfiguration}). */
    private static KafkaProducer<String, String> plainProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    /**
     * Calls {@code task} {@code rate} times a second for {@code duration}, the i-th call on client i modulo
     * {@code clients}, each client one thread that takes its calls in order: an open loop, where a slow call delays
     * its own client's next calls but not the rate at which calls are made.
     */
    private static void paced(int rate, Duration duration, int clients, IntConsumer task)
            throws InterruptedException {
        List<ExecutorService> lanes = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            lanes.add(Executors.newSingleThreadExecutor());
        }
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        long calls = rate * duration.toSeconds();
        for (long call = 0; call < calls; call++) {
            long wait = start + call * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int client = (int) (call % clients);
            lanes.get(client).execute(() -> task.accept(client));
        }
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            if (!lane.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("paced calls did not finish within a minute of the last one");
            }
        }
    }

    private static void awaitCaughtUp(EventProcessingConfiguration processing) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (!allCaughtUp(processing)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the event processors did not catch up within " + CATCH_UP_LIMIT);
            }
            Thread.sleep(200);
        }
    }

    private static boolean allCaughtUp(EventProcessingConfiguration processing) {
        return processing.eventProcessors().values().stream()
                .filter(processor -> processor instanceof StreamingEventProcessor && processor.isRunning())
                .map(processor -> ((StreamingEventProcessor) processor).processingStatus().values())
                .allMatch(statuses -> !statuses.isEmpty() && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp));
    }

    /** When each append of the steady state committed, by its integration event's key. */
    private static final class CommitTimes {

        private final Map<String, Long> committed = new ConcurrentHashMap<>();

        void add(String key) {
            committed.put(key, System.nanoTime());
        }

        Map<String, Long> committed() {
            return committed;
        }
    }
}
