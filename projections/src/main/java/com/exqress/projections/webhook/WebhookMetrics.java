package com.exqress.projections.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code exqress.webhooks.deliveries}, tagged {@code outcome} ({@code delivered} or {@code failed}: an attempt the
 * receiver refused or did not answer), and {@code exqress.webhooks.disabled}, webhooks switched off after too many
 * failures in a row. Not tagged by webhook or carrier: the admin API shows which one fails.
 */
@Component
class WebhookMetrics {

    private final Counter delivered;
    private final Counter failed;
    private final Counter disabled;

    WebhookMetrics(MeterRegistry meters) {
        this.delivered = attempts(meters, "delivered");
        this.failed = attempts(meters, "failed");
        this.disabled = Counter.builder("exqress.webhooks.disabled")
                .description("webhooks disabled after failed deliveries in a row").register(meters);
    }

    private static Counter attempts(MeterRegistry meters, String outcome) {
        return Counter.builder("exqress.webhooks.deliveries")
                .description("attempts to deliver an event to a carrier's webhook, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    void delivered() {
        delivered.increment();
    }

    void failed() {
        failed.increment();
    }

    void disabled() {
        disabled.increment();
    }
}
