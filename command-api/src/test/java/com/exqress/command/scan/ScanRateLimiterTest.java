package com.exqress.command.scan;

import com.exqress.embedded.MovableClock;
import com.exqress.platform.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class ScanRateLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final ScanRateLimiter limiter = new ScanRateLimiter(clock, 6, 60);

    @Test
    void aCourierGetsAMinutesAllowanceAtOnceAndThenOnlyWhatRefills() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire("courier-swp-1", null);
        }

        assertThatThrownBy(() -> limiter.acquire("courier-swp-1", null)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.code()).isEqualTo("RATE_LIMITED");
            assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        });
        clock.advance(Duration.ofSeconds(10));
        assertThatCode(() -> limiter.acquire("courier-swp-1", null)).doesNotThrowAnyException();
    }

    @Test
    void oneCouriersScansDoNotUseUpAnothers() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire("courier-swp-1", "phone-1");
        }

        assertThatCode(() -> limiter.acquire("courier-swp-2", "phone-2")).doesNotThrowAnyException();
    }

    @Test
    void aDeviceIsLimitedAcrossTheCouriersUsingIt() {
        ScanRateLimiter perDevice = new ScanRateLimiter(clock, 60, 3);
        perDevice.acquire("courier-swp-1", "shared-phone");
        perDevice.acquire("courier-swp-2", "shared-phone");
        perDevice.acquire("courier-blr-1", "shared-phone");

        assertThatThrownBy(() -> perDevice.acquire("courier-nrt-1", "shared-phone")).isInstanceOf(ApiProblem.class);
    }
}
