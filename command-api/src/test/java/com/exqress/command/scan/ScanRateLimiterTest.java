package com.exqress.command.scan;

import com.exqress.embedded.MovableClock;
import com.exqress.platform.web.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class ScanRateLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ScanRateLimiter limiter = new ScanRateLimiter(clock, meters, 6, 60);

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
        ScanRateLimiter perDevice = new ScanRateLimiter(clock, meters, 60, 3);
        perDevice.acquire("courier-swp-1", "shared-phone");
        perDevice.acquire("courier-swp-2", "shared-phone");
        perDevice.acquire("courier-blr-1", "shared-phone");

        assertThatThrownBy(() -> perDevice.acquire("courier-nrt-1", "shared-phone")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void eachRefusalIsCountedUnderTheLimitThatRefusedItAndNoOneElse() {
        ScanRateLimiter perDevice = new ScanRateLimiter(clock, meters, 60, 1);
        for (int i = 0; i < 6; i++) {
            limiter.acquire("courier-swp-1", null);
        }
        perDevice.acquire("courier-swp-2", "phone-2");

        assertThatThrownBy(() -> limiter.acquire("courier-swp-1", null)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> limiter.acquire("courier-swp-1", null)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> perDevice.acquire("courier-swp-2", "phone-2")).isInstanceOf(ApiProblem.class);

        assertThat(meters.counter("exqress.scans.rate_limited", "limit", "courier").count()).isEqualTo(2);
        assertThat(meters.counter("exqress.scans.rate_limited", "limit", "device").count()).isEqualTo(1);
        assertThat(meters.find("exqress.scans.rate_limited").meters()).flatExtracting(meter -> meter.getId().getTags())
                .extracting(Tag::getValue).containsOnly("courier", "device");
    }
}
