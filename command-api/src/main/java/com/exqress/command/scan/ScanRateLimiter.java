package com.exqress.command.scan;

import com.exqress.platform.web.ApiProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per courier and per scanning device, so a stolen token or phone cannot resolve labels in
 * bulk. A courier scans a parcel every few seconds at most; the buckets allow short bursts above that.
 * Per process: with several command-api replicas each enforces its own share.
 */
@Component
public class ScanRateLimiter {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int perCourierPerMinute;
    private final int perDevicePerMinute;
    private final Counter refusedByCourierLimit;
    private final Counter refusedByDeviceLimit;

    public ScanRateLimiter(Clock clock, MeterRegistry meters,
                           @Value("${exqress.scans.per-courier-per-minute:120}") int perCourierPerMinute,
                           @Value("${exqress.scans.per-device-per-minute:120}") int perDevicePerMinute) {
        this.clock = clock;
        this.perCourierPerMinute = perCourierPerMinute;
        this.perDevicePerMinute = perDevicePerMinute;
        this.refusedByCourierLimit = refusals(meters, "courier");
        this.refusedByDeviceLimit = refusals(meters, "device");
    }

    /** Tagged by which limit refused, never by whose: a courier or device id would be personal data and unbounded. */
    private static Counter refusals(MeterRegistry meters, String limit) {
        return Counter.builder("exqress.scans.rate_limited")
                .description("scans refused because the courier or the device went over its limit")
                .tag("limit", limit)
                .register(meters);
    }

    /** Takes one scan from the courier's and the device's buckets, or refuses with 429 and how long to wait. */
    public void acquire(String courier, String device) {
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.clear();
        }
        take("courier:" + courier, perCourierPerMinute, refusedByCourierLimit);
        if (device != null) {
            take("device:" + device, perDevicePerMinute, refusedByDeviceLimit);
        }
    }

    private void take(String key, int perMinute, Counter refusals) {
        Duration wait = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, clock.millis())).take(clock.millis());
        if (!wait.isZero()) {
            refusals.increment();
            throw ApiProblem.tooManyRequests("RATE_LIMITED", "too many scans; slow down", wait);
        }
    }

    /** Holds up to a minute's allowance and refills continuously. */
    private static final class Bucket {
        private final int capacity;
        private final double refillPerMilli;
        private double tokens;
        private long lastRefill;

        Bucket(int perMinute, long now) {
            this.capacity = perMinute;
            this.refillPerMilli = perMinute / 60_000.0;
            this.tokens = perMinute;
            this.lastRefill = now;
        }

        synchronized Duration take(long now) {
            tokens = Math.min(capacity, tokens + (now - lastRefill) * refillPerMilli);
            lastRefill = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((1 - tokens) / refillPerMilli));
        }
    }
}
