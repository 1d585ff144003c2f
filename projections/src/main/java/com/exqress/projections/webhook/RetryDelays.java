package com.exqress.projections.webhook;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a delivery waits after a failed attempt: {@code first}, doubling after each failure up to {@code max},
 * of which the upper half is random. Random, so that deliveries that failed together (a receiver that was down)
 * do not all come back at the same instant; only half of it, so that one delivery's waits keep growing until
 * they reach {@code max}.
 */
record RetryDelays(Duration first, Duration max) {

    /** 2^30 times any sensible first wait is far beyond any sensible maximum. */
    private static final int MAX_DOUBLINGS = 30;

    /** The wait after the {@code failedAttempts}-th failed attempt (1 after the first). */
    Duration after(int failedAttempts, RandomGenerator random) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), MAX_DOUBLINGS);
        long ceiling = Math.min(first.toMillis() << doublings, max.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(ceiling - half + random.nextLong(half + 1));
    }
}
