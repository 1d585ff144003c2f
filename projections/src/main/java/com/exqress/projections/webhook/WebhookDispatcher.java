package com.exqress.projections.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends the queued deliveries: {@code exqress.webhooks.dispatcher-threads} threads, each looking for due
 * deliveries every {@code poll-interval}, claiming a small batch and posting it one delivery after the other.
 * A failed attempt is retried with back-off ({@link RetryDelays}); after {@code disable-after} failures in a row
 * the webhook is disabled. Deliveries are not ordered: a retried event arrives after later ones.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** Beyond the time a batch needs, before a claim of a replica that stopped answering expires. */
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

    private final Deliveries deliveries;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final Clock clock;
    private final WebhookMetrics metrics;
    private final RetryDelays retryDelays;
    private final Duration claimFor;
    private ScheduledExecutorService threads;

    WebhookDispatcher(Deliveries deliveries, WebhookSender sender, WebhookProperties properties, Clock clock,
                      WebhookMetrics metrics) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
        this.retryDelays = new RetryDelays(properties.firstRetry(), properties.maxRetry());
        this.claimFor = sender.exchangeTimeout().multipliedBy(properties.batchSize()).plus(CLAIM_MARGIN);
    }

    @Override
    public synchronized void start() {
        CustomizableThreadFactory named = new CustomizableThreadFactory("webhook-dispatcher-");
        // Should the context never be closed, these threads must not keep the JVM alive.
        named.setDaemon(true);
        threads = Executors.newScheduledThreadPool(properties.dispatcherThreads(), named);
        for (int thread = 0; thread < properties.dispatcherThreads(); thread++) {
            threads.scheduleWithFixedDelay(this::dispatchDue, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Interrupts the attempts under way; their claims expire and they are made again. */
    @Override
    public synchronized void stop() {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(sender.exchangeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("webhook dispatcher threads still running after {}", sender.exchangeTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return threads != null;
    }

    /** Claims and sends batches until no full batch is due. A failure here must not end the thread's schedule. */
    private void dispatchDue() {
        try {
            List<Delivery> batch;
            do {
                Instant now = clock.instant();
                batch = deliveries.claimDue(properties.batchSize(), now, now.plus(claimFor));
                for (Delivery delivery : batch) {
                    attempt(delivery);
                }
            } while (batch.size() == properties.batchSize());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("webhook deliveries could not be dispatched; trying again in {}", properties.pollInterval(), e);
        }
    }

    private void attempt(Delivery delivery) throws InterruptedException {
        Optional<String> failure = sender.post(delivery);
        Instant now = clock.instant();
        if (failure.isEmpty()) {
            deliveries.delivered(delivery, now);
            metrics.delivered();
            return;
        }
        metrics.failed();
        int failedAttempts = delivery.attempts() + 1;
        Instant nextAttempt = now.plus(retryDelays.after(failedAttempts, ThreadLocalRandom.current()));
        log.info("webhook {}: event {} not delivered ({}, attempt {}); next attempt at {}", delivery.webhookId(),
                delivery.eventId(), failure.get(), failedAttempts, nextAttempt);
        if (deliveries.failed(delivery, failure.get(), now, nextAttempt, properties.disableAfter())) {
            metrics.disabled();
            log.warn("webhook {} disabled after {} failed attempts in a row; its queued events wait until an admin "
                    + "of its carrier enables it again", delivery.webhookId(), properties.disableAfter());
        }
    }
}
