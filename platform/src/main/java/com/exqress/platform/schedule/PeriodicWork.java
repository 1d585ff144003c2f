package com.exqress.platform.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work repeated on one daemon thread, with a fixed delay between runs, from start-up until the service stops. It
 * starts after Axon's processing lifecycle, so commands can be sent and processors run, and stops before it. A run
 * that fails is logged and the next one goes ahead, where an exception would otherwise cancel the schedule.
 */
public abstract class PeriodicWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicWork.class);

    private final String name;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    /** {@code name} names the thread and, in a failure's log line, the work. */
    protected PeriodicWork(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** One run; the next starts {@code interval} after this one ends. */
    protected abstract void runOnce();

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // Only the type: a message may carry personal data.
            log.warn("{} failed, will try again in {}: {}", name, interval, e.getClass().getName());
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

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
