package com.exqress.projections.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Reconciles this replica's read-model processors with the shared state at start-up and then periodically. */
@Component
public class ReadModelReconciler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReconciler.class);

    private final ParcelRebuilds rebuilds;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public ReadModelReconciler(ParcelRebuilds rebuilds,
                               @Value("${exqress.projections.reconcile-interval:PT2S}") Duration interval) {
        this.rebuilds = rebuilds;
        this.interval = interval;
    }

    @Override
    public void start() {
        rebuilds.reconcile();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::reconcileQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void reconcileQuietly() {
        try {
            rebuilds.reconcile();
        } catch (RuntimeException e) {
            log.warn("could not reconcile the read-model processors, will try again: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    /** Starts after Axon's processing lifecycle and stops before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
