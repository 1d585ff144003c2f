package com.exqress.identity;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per client address over a sliding window, and refuses further
 * attempts once either count is reached, until the oldest failure leaves the window. Per account stops
 * guessing one password from many addresses; per address stops one client trying many accounts.
 */
@Component
class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int FAILURES_PER_ACCOUNT = 5;
    static final int FAILURES_PER_ADDRESS = 20;
    /** Bounds the memory an attacker can make this use by inventing user names. */
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this login must wait, if it must. */
    Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> account = waitFor("account:" + username, FAILURES_PER_ACCOUNT, now);
        Optional<Duration> client = waitFor("address:" + address, FAILURES_PER_ADDRESS, now);
        if (account.isPresent() && client.isPresent()) {
            return Optional.of(account.get().compareTo(client.get()) > 0 ? account.get() : client.get());
        }
        return account.or(() -> client);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED_KEYS) {
            failures.values().removeIf(times -> pruned(times, now).isEmpty());
        }
        record("account:" + username, now);
        record("address:" + address, now);
    }

    void succeeded(String username) {
        failures.remove("account:" + username);
    }

    private Optional<Duration> waitFor(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            pruned(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            pruned(times, now).addLast(now);
        }
    }

    private static Deque<Instant> pruned(Deque<Instant> times, Instant now) {
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
                times.pollFirst();
            }
            return times;
        }
    }
}
