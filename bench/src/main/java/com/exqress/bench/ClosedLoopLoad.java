package com.exqress.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator: {@code clients} threads each send a request, wait for its answer and
 * send the next, for a fixed time. Every latency is kept, so percentiles are exact; a non-2xx answer counts
 * as an error, not as a result.
 */
final class ClosedLoopLoad {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The outcome of one run: requests per second and latency percentiles in milliseconds. */
    record Result(double requestsPerSecond, double p50, double p99, double p999, long errors) {
    }

    /**
     * @param request the i-th client's next request; called on that client's thread
     */
    Result run(int clients, Duration warmUp, Duration measured, IntFunction<HttpRequest> request)
            throws InterruptedException {
        drive(clients, warmUp, request);
        return drive(clients, measured, request);
    }

    private Result drive(int clients, Duration duration, IntFunction<HttpRequest> request) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int client = 0; client < clients; client++) {
            long[] mine = new long[1 << 20];
            latencies.add(mine);
            int index = client;
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline && counts[index] < mine.length) {
                        long started = System.nanoTime();
                        if (!send(request.apply(index))) {
                            errors.incrementAndGet();
                            continue;
                        }
                        mine[counts[index]++] = System.nanoTime() - started;
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + client);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int offset = 0;
        for (int client = 0; client < clients; client++) {
            System.arraycopy(latencies.get(client), 0, all, offset, counts[client]);
            offset += counts[client];
        }
        Arrays.sort(all);
        return new Result(total / (duration.toNanos() / 1e9), millis(all, 0.50), millis(all, 0.99), millis(all, 0.999),
                errors.get());
    }

    private boolean send(HttpRequest request) {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static HttpRequest get(URI uri, String bearer) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(10))
                .GET().build();
    }
}
