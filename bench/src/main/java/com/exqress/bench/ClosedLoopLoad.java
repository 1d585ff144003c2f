package com.exqress.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load generator: {@code clients} threads each make a call (an HTTP request, a JDBC insert), wait for
 * it to finish and make the next, for a fixed time. Every latency is kept, so percentiles are exact; a failed call
 * counts as a failure, by what failed, not as a result.
 */
final class ClosedLoopLoad {

    /** The stable code of a problem response, e.g. {@code "code":"INVALID_TRANSITION"}. */
    private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One client's next call, made on that client's thread. */
    @FunctionalInterface
    interface Call {
        /** @return null when the call succeeded, else what failed, e.g. {@code "409 INVALID_TRANSITION"} */
        String make(int client);
    }

    /** The outcome of one run: successful calls per second, their latency percentiles in milliseconds, failures by kind. */
    record Result(double perSecond, double p50, double p99, double p999, Map<String, Long> failures) {

        long errors() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    Result run(int clients, Duration warmUp, Duration measured, Call call) throws InterruptedException {
        warmUp(clients, warmUp, call);
        return measure(clients, measured, call);
    }

    /** Load that is not measured: the JIT compilers, caches and pools of both sides settle. */
    void warmUp(int clients, Duration duration, Call call) throws InterruptedException {
        measure(clients, duration, call);
    }

    /**
     * HTTP requests as calls: a 2xx answer succeeds; any other fails with its status and problem code.
     *
     * @param request the i-th client's next request
     */
    Call requests(IntFunction<HttpRequest> request) {
        return client -> {
            try {
                // Only a failure's body is read: the problem code tells a refused duplicate from a real error.
                HttpResponse<String> answer = http.send(request.apply(client), info -> info.statusCode() / 100 == 2
                        ? HttpResponse.BodySubscribers.replacing(null)
                        : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
                if (answer.statusCode() / 100 == 2) {
                    return null;
                }
                Matcher code = PROBLEM_CODE.matcher(answer.body());
                return answer.statusCode() + (code.find() ? " " + code.group(1) : "");
            } catch (IOException e) {
                return e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        };
    }

    /** Load that is measured, with no warm-up of its own: for a caller that reads something in between. */
    Result measure(int clients, Duration duration, Call call) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Latencies> latencies = new ArrayList<>();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int client = 0; client < clients; client++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            int index = client;
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        long started = System.nanoTime();
                        String failure = call.make(index);
                        if (failure != null) {
                            failures.computeIfAbsent(failure, kind -> new LongAdder()).increment();
                            continue;
                        }
                        mine.add(System.nanoTime() - started);
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + client);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        long[] all = new long[latencies.stream().mapToInt(mine -> mine.count).sum()];
        int offset = 0;
        for (Latencies mine : latencies) {
            System.arraycopy(mine.nanos, 0, all, offset, mine.count);
            offset += mine.count;
        }
        Arrays.sort(all);
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((kind, count) -> failed.put(kind, count.sum()));
        return new Result(all.length / (duration.toNanos() / 1e9), millis(all, 0.50), millis(all, 0.99),
                millis(all, 0.999), failed);
    }

    /** One client's latencies; it grows as needed, so 64 clients fit in a small heap. */
    private static final class Latencies {
        private long[] nanos = new long[1024];
        private int count;

        void add(long latency) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = latency;
        }
    }

    /** The quantile of sorted nanoseconds, in milliseconds; NaN when there are none. */
    static double millis(long[] sorted, double quantile) {
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
