package com.exqress.projections.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class RetryDelaysTest {

    private final RetryDelays delays = new RetryDelays(Duration.ofSeconds(1), Duration.ofMinutes(10));

    @Test
    void eachWaitLiesInTheUpperHalfOfItsDoublingCeiling() {
        RandomGenerator random = new SplittableRandom(7);
        for (int run = 0; run < 1000; run++) {
            assertThat(delays.after(1, random)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(delays.after(2, random)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(delays.after(4, random)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        }
    }

    @Test
    void waitsStopGrowingAtTheMaximumEvenAfterManyFailures() {
        RandomGenerator random = new SplittableRandom(7);
        for (int failures : new int[] {11, 12, 40, Integer.MAX_VALUE}) {
            assertThat(delays.after(failures, random)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
        }
    }

    @Test
    void theExtremesOfTheRandomPartAreTheHalfAndTheWholeCeiling() {
        assertThat(delays.after(3, fixed(0))).isEqualTo(Duration.ofSeconds(2));
        assertThat(delays.after(3, fixed(2000))).isEqualTo(Duration.ofSeconds(4));
    }

    /** Always the given value, whatever the bound. */
    private static RandomGenerator fixed(long value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return value;
            }

            @Override
            public long nextLong(long bound) {
                return value;
            }
        };
    }
}
