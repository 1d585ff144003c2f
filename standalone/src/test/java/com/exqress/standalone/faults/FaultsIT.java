package com.exqress.standalone.faults;

import com.exqress.embedded.EmbeddedKafkaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's fault tests: the standalone jar run as an operator runs it, with couriers scanning from several threads
 * while the process is killed or its database restarted. What a courier was told must be what the event store holds:
 * an accepted scan exactly once, a refused one not at all, an interrupted one -- retried with its idempotency key --
 * once; the read models reach the event store without help, and every stored event reaches Kafka. The scenarios
 * share one application, and each works on parcels of its own. Its Kafka broker runs in the test JVM behind a proxy
 * that a test can cut, so that the broker outlives the application's kills and keeps its topic through an outage.
 */
class FaultsIT {

    private static final int CLIENTS = 8;
    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration DATABASE_DOWNTIME = Duration.ofSeconds(8);
    private static final Duration KAFKA_DOWNTIME = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaServer kafka;
    private static CuttableProxy kafkaNetwork;
    private static ExqressProcess exqress;
    private static ExqressApi api;

    @BeforeAll
    static void start() throws Exception {
        int proxyPort = ExqressProcess.freePort();
        kafka = EmbeddedKafkaServer.startBehind(proxyPort);
        kafkaNetwork = new CuttableProxy(proxyPort, kafka.port());
        kafkaNetwork.restore();
        // The couriers scan far faster than a person can; the rate limit is not what these tests are about.
        exqress = new ExqressProcess("faults", dataDir, List.of("--exqress.scans.per-courier-per-minute=1000000",
                "--spring.kafka.bootstrap-servers=" + kafkaAddress()));
        exqress.start();
        api = new ExqressApi(exqress.baseUrl());
        api.logIn("sender1", "courier-swp-1", "courier-swp-2", "auditor");
    }

    @AfterAll
    static void stop() throws Exception {
        exqress.close();
        kafkaNetwork.close();
        kafka.close();
    }

    @Test
    void killNineUnderLoadLosesNoAcceptedScanAndDuplicatesNone() throws Exception {
        List<List<ExqressApi.Parcel>> parcels = CourierLoad.newParcels(api, CLIENTS, 6, 4);
        CourierLoad load = new CourierLoad(api, parcels);
        for (int kill = 1; kill <= 3; kill++) {
            load.awaitAccepted(60, Duration.ofSeconds(60));
            ProcessHandle postgres = exqress.postgres().process();
            exqress.kill();
            assertThat(postgres.isAlive()).as("the embedded PostgreSQL outlives a kill -9 of the application").isTrue();
            exqress.start();
            assertThat(postgres.isAlive()).as("the restart stopped the PostgreSQL left running").isFalse();
        }
        load.awaitAccepted(60, Duration.ofSeconds(60));
        List<CourierLoad.Request> requests = load.stop();
        exqress.stop();
        exqress.start();

        System.out.printf("kill -9 under load: %d requests, answers by status (0: none) %s, %d cut off and retried%n",
                requests.size(), answers(requests), requests.stream().filter(r -> r.attempts.get(0).status() == 0).count());
        assertThat(answers(requests).keySet()).as("accepted, refused, or no answer when the process died").isSubsetOf(200, 409, 0);
        assertThat(requests).as("requests the kills cut off, then retried with their key")
                .anySatisfy(request -> assertThat(request.attempts.get(0).status()).isZero());
        assertTheStoreHoldsWhatTheCouriersWereTold(requests, parcels);
    }

    /**
     * PostgreSQL stopped for some seconds under load, the way an operator restarts it: while it is down every request
     * fails fast with a 503 problem the client can act on, never a 500 or a hang; once it is back the service serves
     * again by itself, and what the couriers were told is what the event store holds.
     */
    @Test
    void postgresRestartUnderLoadFailsFastWith503AndRecoversByItself() throws Exception {
        DataDirectoryPostgres postgres = exqress.postgres();
        LoadThroughOutage run = loadThrough(postgres::stop, DATABASE_DOWNTIME, postgres::start);

        List<CourierLoad.Attempt> attempts = run.attempts();
        System.out.printf("PostgreSQL restart under load: %d requests, answers by status (0: none) %s, slowest %s%n",
                run.requests().size(), answers(run.requests()), attempts.stream().map(CourierLoad.Attempt::took).max(Duration::compareTo).orElseThrow());
        assertThat(attempts).as("every answer within 10 s").allSatisfy(attempt -> assertThat(attempt.took()).isLessThan(Duration.ofSeconds(10)));
        assertThat(answers(run.requests()).keySet()).as("accepted, refused, or unavailable; never a 500").isSubsetOf(200, 409, 503);
        assertThat(attempts).filteredOn(attempt -> attempt.status() == 503).allSatisfy(attempt -> {
            assertThat(attempt.contentType()).isEqualTo("application/problem+json");
            assertThat(attempt.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(attempt.retryAfter()).isNotBlank();
        });
        assertThat(run.duringTheOutage()).as("requests sent and answered while PostgreSQL was down")
                .isNotEmpty().allSatisfy(attempt -> assertThat(attempt.status()).isEqualTo(503));
        assertTheStoreHoldsWhatTheCouriersWereTold(run.requests(), run.parcels());
    }

    /**
     * Kafka out of reach for some seconds under load: scanning goes on as if nothing happened, because the relay
     * publishes from the event store, not from the request; once Kafka is back, every event of the outage arrives.
     */
    @Test
    void kafkaOutageUnderLoadStopsNoScanAndLosesNoIntegrationEvent() throws Exception {
        LoadThroughOutage run = loadThrough(kafkaNetwork::cut, KAFKA_DOWNTIME, kafkaNetwork::restore);

        System.out.printf("Kafka outage under load: %d requests, answers by status (0: none) %s%n",
                run.requests().size(), answers(run.requests()));
        assertThat(answers(run.requests()).keySet()).as("accepted or refused, as without the outage").isSubsetOf(200, 409);
        assertThat(run.duringTheOutage()).as("scans accepted while Kafka was out of reach")
                .filteredOn(attempt -> attempt.status() == 200).hasSizeGreaterThan(CLIENTS);
        assertTheStoreHoldsWhatTheCouriersWereTold(run.requests(), run.parcels());
    }

    /** Couriers scan new parcels before, during and after an outage of {@code downtime}, until each was served again. */
    private static LoadThroughOutage loadThrough(FaultAction beginOutage, Duration downtime, FaultAction endOutage) throws Exception {
        List<List<ExqressApi.Parcel>> parcels = CourierLoad.newParcels(api, CLIENTS, 4, 4);
        CourierLoad load = new CourierLoad(api, parcels);
        load.awaitAccepted(40, Duration.ofSeconds(60));
        beginOutage.run();
        long began = System.nanoTime();
        Thread.sleep(downtime.toMillis());
        long ending = System.nanoTime();
        endOutage.run();
        load.awaitAccepted(CLIENTS, Duration.ofSeconds(30));
        return new LoadThroughOutage(parcels, load.stop(), began, ending);
    }

    private interface FaultAction {
        void run() throws Exception;
    }

    private record LoadThroughOutage(List<List<ExqressApi.Parcel>> parcels, List<CourierLoad.Request> requests,
                                     long began, long ending) {

        List<CourierLoad.Attempt> attempts() {
            return requests.stream().flatMap(request -> request.attempts.stream()).toList();
        }

        /** Attempts sent after the outage began and answered before it ended. */
        List<CourierLoad.Attempt> duringTheOutage() {
            return attempts().stream().filter(attempt -> attempt.startNanos() > began && attempt.endNanos() < ending).toList();
        }
    }

    /**
     * In the end, with retries, every custody step was accepted and every second pickup refused; the event store holds
     * exactly that, the read models show what the event store holds, and Kafka has every event the store holds.
     */
    private static void assertTheStoreHoldsWhatTheCouriersWereTold(List<CourierLoad.Request> requests,
                                                                  List<List<ExqressApi.Parcel>> parcels) throws Exception {
        assertThat(requests).filteredOn(request -> request.step == CourierLoad.Step.SECOND_PICKUP).isNotEmpty()
                .allSatisfy(request -> assertThat(request.last().code()).as(request.toString()).isEqualTo("INVALID_TRANSITION"));
        assertThat(requests).filteredOn(request -> request.step != CourierLoad.Step.SECOND_PICKUP)
                .allSatisfy(request -> assertThat(request.accepted()).as(request.toString()).isTrue());
        EventStoreChecks checks = new EventStoreChecks(exqress.postgres(), api);
        checks.assertEachAcceptedRequestWrittenOnceAndNoOther(requests);
        List<ExqressApi.Parcel> all = parcels.stream().flatMap(List::stream).toList();
        checks.assertReadModelsConverge(all, CONVERGENCE_TIMEOUT);
        new IntegrationEventChecks(exqress.postgres(), kafkaAddress())
                .assertEveryStoredEventPublished(all.stream().map(ExqressApi.Parcel::waybillId).toList(), CONVERGENCE_TIMEOUT);
    }

    private static String kafkaAddress() {
        return "localhost:" + kafkaNetwork.port();
    }

    private static Map<Integer, Long> answers(List<CourierLoad.Request> requests) {
        return requests.stream().flatMap(request -> request.attempts.stream())
                .collect(Collectors.groupingBy(CourierLoad.Attempt::status, Collectors.counting()));
    }
}
