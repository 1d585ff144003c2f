package com.exqress.identity;

import com.exqress.embedded.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void anAccountIsLockedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT; i++) {
            throttle.failed("sender1", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(throttle.waitBefore("sender1", "10.0.0.99")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.waitBefore("sender1", "10.0.0.99")).isEmpty();
    }

    @Test
    void anAddressIsLockedAfterItsFailuresAcrossAccounts() {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }

        assertThat(throttle.waitBefore("someone-else", "192.0.2.7")).contains(LoginThrottle.WINDOW);
        assertThat(throttle.waitBefore("someone-else", "192.0.2.8")).isEmpty();
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT - 1; i++) {
            throttle.failed("courier-swp-1", "10.0.0.1");
        }
        throttle.succeeded("courier-swp-1");
        throttle.failed("courier-swp-1", "10.0.0.1");

        assertThat(throttle.waitBefore("courier-swp-1", "10.0.0.2")).isEmpty();
    }
}
