package com.exqress.command.label;

import com.exqress.label.LabelRejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts every label a scanner or a carrier system asked to resolve as {@code exqress.labels.verifications},
 * tagged {@code result}: {@code valid}, or the rejection without its prefix ({@code forged}, {@code revoked},
 * {@code disposed}, {@code unknown}, {@code malformed}). A rising {@code forged} count is someone printing labels.
 */
@Component
public class LabelVerificationMetrics {

    private final Counter valid;
    private final Map<LabelRejection, Counter> rejected = new EnumMap<>(LabelRejection.class);

    public LabelVerificationMetrics(MeterRegistry meters) {
        this.valid = counter(meters, "valid");
        for (LabelRejection rejection : LabelRejection.values()) {
            rejected.put(rejection, counter(meters, rejection.name().replace("LABEL_", "").toLowerCase(Locale.ROOT)));
        }
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("exqress.labels.verifications")
                .description("scanned labels resolved or refused, by result")
                .tag("result", result)
                .register(meters);
    }

    void valid() {
        valid.increment();
    }

    void rejected(LabelRejection rejection) {
        rejected.get(rejection).increment();
    }
}
