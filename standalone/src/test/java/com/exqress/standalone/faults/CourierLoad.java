package com.exqress.standalone.faults;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Couriers scanning parcels from several client threads, closed-loop, each request with an idempotency key of its
 * own. Each client drives its own parcels in turn through an endless round of custody steps: picked up by
 * courier-swp-1, then arriving at and departing from hub BSN-01 (courier-swp-2) and hub SEL-01 (courier-swp-1).
 * Every seventh request is one the service must refuse: a second pickup. A request without a definite answer -- the
 * connection broke, or a 5xx -- is sent again with the same key and body until it gets one, as a courier app does
 * on a bad network.
 */
final class CourierLoad {

    /** A scan a client sends, and the events each accepted one appends, in order. */
    enum Step {
        PICKUP("courier-swp-1", "PICKUP", null, "ParcelScanned", "CustodyTransferred", "PersonalDataDisclosed"),
        ARRIVE_BSN("courier-swp-2", "HUB_ARRIVAL", "BSN-01", "ParcelScanned", "CustodyTransferred"),
        DEPART_BSN("courier-swp-2", "HUB_DEPARTURE", "BSN-01", "ParcelScanned"),
        ARRIVE_SEL("courier-swp-1", "HUB_ARRIVAL", "SEL-01", "ParcelScanned", "CustodyTransferred"),
        DEPART_SEL("courier-swp-1", "HUB_DEPARTURE", "SEL-01", "ParcelScanned"),
        /** Refused with 409: the parcel was picked up already. */
        SECOND_PICKUP("courier-swp-1", "PICKUP", null);

        private static final List<Step> ROUND = List.of(ARRIVE_BSN, DEPART_BSN, ARRIVE_SEL, DEPART_SEL);

        final String courier;
        final String action;
        final String hub;
        final List<String> events;

        Step(String courier, String action, String hub, String... events) {
            this.courier = courier;
            this.action = action;
            this.hub = hub;
            this.events = List.of(events);
        }

        /** The step after {@code done} accepted ones. */
        static Step after(int done) {
            return done == 0 ? PICKUP : ROUND.get((done - 1) % ROUND.size());
        }
    }

    /** One try: when, how long, and what came back; status 0 when the connection broke without an answer. */
    record Attempt(long startNanos, long endNanos, int status, String contentType, String code, String retryAfter) {

        /** 2xx or 4xx: the request was done, or refused with nothing written. */
        boolean definite() {
            return status >= 200 && status < 500;
        }

        Duration took() {
            return Duration.ofNanos(endNanos - startNanos);
        }
    }

    /** One courier request: the same key and body on every attempt. Its client thread alone adds attempts. */
    static final class Request {
        final ExqressApi.Parcel parcel;
        final Step step;
        final String key = UUID.randomUUID().toString();
        final String body;
        final List<Attempt> attempts = new ArrayList<>();

        Request(ExqressApi.Parcel parcel, Step step) {
            this.parcel = parcel;
            this.step = step;
            this.body = "{\"qr\":\"" + parcel.qr() + "\",\"action\":\"" + step.action + "\","
                    + (step.hub == null ? "" : "\"hub\":\"" + step.hub + "\",") + "\"deviceTime\":\"" + Instant.now() + "\"}";
        }

        Attempt last() {
            return attempts.get(attempts.size() - 1);
        }

        boolean accepted() {
            return last().status() / 100 == 2;
        }

        @Override
        public String toString() {
            return step + " of " + parcel.waybillId() + " (key " + key + ", answers " + attempts.stream().map(Attempt::status).toList() + ")";
        }
    }

    private static final int REFUSED_EVERY = 7;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    /**
     * A request still without a definite answer after this long is given up, and the test fails on it. Longer than
     * a restart may take: a request cut off by a kill waits for the next start.
     */
    private static final Duration RESOLVE_TIMEOUT = ExqressProcess.START_TIMEOUT.plusMinutes(1);

    private final ExqressApi api;
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();
    private volatile boolean stopping;

    /** Starts one client thread per list of parcels. */
    CourierLoad(ExqressApi api, List<List<ExqressApi.Parcel>> parcelsPerClient) {
        this.api = api;
        this.clients = Executors.newFixedThreadPool(parcelsPerClient.size());
        for (List<ExqressApi.Parcel> parcels : parcelsPerClient) {
            running.add(clients.submit(() -> drive(parcels)));
        }
    }

    /** Parcels created and labelled by {@code threads} clients at once, split into {@code lists} lists of {@code size}. */
    static List<List<ExqressApi.Parcel>> newParcels(ExqressApi api, int lists, int size, int threads) throws Exception {
        ExecutorService creators = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<ExqressApi.Parcel>> creations = new ArrayList<>();
            for (int i = 0; i < lists * size; i++) {
                creations.add(api::newParcel);
            }
            List<ExqressApi.Parcel> parcels = new ArrayList<>();
            for (Future<ExqressApi.Parcel> parcel : creators.invokeAll(creations)) {
                parcels.add(parcel.get());
            }
            List<List<ExqressApi.Parcel>> split = new ArrayList<>();
            for (int i = 0; i < lists; i++) {
                split.add(parcels.subList(i * size, (i + 1) * size));
            }
            return split;
        } finally {
            creators.shutdownNow();
        }
    }

    /** Waits until {@code count} more requests than now were accepted, which also proves the service serves. */
    void awaitAccepted(int count, Duration timeout) throws InterruptedException {
        int target = accepted.get() + count;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted.get() < target) {
            assertThat(System.nanoTime()).as("%d more scans accepted within %s", count, timeout).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Lets every client finish its request, retries included, and returns all requests sent. */
    List<Request> stop() throws Exception {
        stopping = true;
        clients.shutdown();
        assertThat(clients.awaitTermination(RESOLVE_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)).as("clients stopped").isTrue();
        for (Future<?> client : running) {
            client.get();
        }
        return List.copyOf(requests);
    }

    private Void drive(List<ExqressApi.Parcel> parcels) throws InterruptedException {
        int[] done = new int[parcels.size()];
        for (int n = 0; !stopping; n++) {
            int i = n % parcels.size();
            Step step = n % REFUSED_EVERY == REFUSED_EVERY - 1 && done[i] > 0 ? Step.SECOND_PICKUP : Step.after(done[i]);
            Request request = send(new Request(parcels.get(i), step));
            if (step != Step.SECOND_PICKUP && request.accepted()) {
                done[i]++;
                accepted.incrementAndGet();
            }
        }
        return null;
    }

    private Request send(Request request) throws InterruptedException {
        requests.add(request);
        long deadline = System.nanoTime() + RESOLVE_TIMEOUT.toNanos();
        while (true) {
            long start = System.nanoTime();
            Attempt attempt;
            try {
                ExqressApi.Answer answer = api.post("/scans", request.step.courier, request.key, request.body);
                attempt = new Attempt(start, System.nanoTime(), answer.status(), answer.contentType(), answer.code(),
                        answer.retryAfter());
            } catch (IOException noAnswer) {
                attempt = new Attempt(start, System.nanoTime(), 0, null, null, null);
            }
            request.attempts.add(attempt);
            if (attempt.definite() || System.nanoTime() > deadline) {
                return request;
            }
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }
}
