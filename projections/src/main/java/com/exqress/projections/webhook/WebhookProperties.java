package com.exqress.projections.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code exqress.webhooks.*}: how webhooks are delivered and when they are given up on.
 *
 * @param disableAfter              consecutive failed attempts after which a webhook is disabled
 * @param allowPlainHttpToLocalhost whether {@code http://localhost} and {@code http://127.0.0.1} URLs are
 *                                  accepted, for a receiver on the developer's machine; every other URL must be https
 * @param dispatcherThreads         threads posting deliveries in this replica
 * @param batchSize                 deliveries a thread claims at a time
 * @param pollInterval              how often an idle thread looks for due deliveries
 * @param connectTimeout            to open a connection to a receiver
 * @param requestTimeout            for the whole exchange with a receiver once connected, body included
 * @param firstRetry                the wait after a delivery's first failed attempt; it doubles after each failure
 * @param maxRetry                  the longest wait between two attempts of one delivery
 */
@ConfigurationProperties("exqress.webhooks")
public record WebhookProperties(@DefaultValue("10") int disableAfter,
                                @DefaultValue("false") boolean allowPlainHttpToLocalhost,
                                @DefaultValue("2") int dispatcherThreads,
                                @DefaultValue("10") int batchSize,
                                @DefaultValue("1s") Duration pollInterval,
                                @DefaultValue("3s") Duration connectTimeout,
                                @DefaultValue("5s") Duration requestTimeout,
                                @DefaultValue("1s") Duration firstRetry,
                                @DefaultValue("10m") Duration maxRetry) {

    public WebhookProperties {
        if (disableAfter < 1 || dispatcherThreads < 1 || batchSize < 1) {
            throw new IllegalArgumentException(
                    "exqress.webhooks.disable-after, dispatcher-threads and batch-size must be at least 1");
        }
        if (!positive(pollInterval) || !positive(firstRetry) || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("exqress.webhooks.poll-interval and first-retry must be positive, "
                    + "and max-retry at least first-retry");
        }
    }

    /** Duration.isPositive() arrives with Java 18. */
    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
