package com.exqress.query.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * Tells live views when a parcel's read-model row changed. The projections service runs
 * {@code pg_notify('parcel_changed', <waybill id>)} in the transaction that changes the row, so a notice
 * arrives only once the change is visible. One connection of its own, not from the pool because it is held for
 * as long as the service runs, {@code LISTEN}s on a daemon thread and feeds a multicast sink. After any failure
 * it reconnects and then tells every view to re-read, because notices sent while nobody listened are lost.
 * Stopping the context stops the thread, closes the connection and completes the sink, which ends the views.
 */
@Component
public class ParcelChanges implements SmartLifecycle {

    static final String CHANNEL = "parcel_changed";
    static final String APPLICATION_NAME = "exqress-parcel-changes";

    private static final Logger log = LoggerFactory.getLogger(ParcelChanges.class);
    /** How long one wait for notices blocks, and so how long stopping may take. */
    private static final int WAIT_MILLIS = 1_000;
    /** A connection whose peer vanished without closing it never fails a wait, so an idle one is asked now and then. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(30);
    private static final int IDLE_CHECK_TIMEOUT_SECONDS = 5;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    // Only the listener thread emits, so emissions never race.
    private final Sinks.Many<ParcelChanged> sink = Sinks.many().multicast().directBestEffort();
    private final PGSimpleDataSource database = new PGSimpleDataSource();
    /** Whether the listener thread keeps going; it checks at least once per wait. */
    private volatile boolean listening;
    /** The listener thread from start to stop. */
    private volatile Thread listener;

    public ParcelChanges(DataSourceProperties dataSource, MeterRegistry meters) {
        database.setURL(dataSource.determineUrl());
        database.setUser(dataSource.determineUsername());
        database.setPassword(dataSource.determinePassword());
        database.setApplicationName(APPLICATION_NAME);
        Gauge.builder("exqress.tracking.streams", sink, Sinks.Many::currentSubscriberCount)
                .description("live tracking views waiting for parcel changes")
                .register(meters);
    }

    /** Every change from now on; completes when the service stops. */
    public Flux<ParcelChanged> changes() {
        return sink.asFlux();
    }

    @Override
    public void start() {
        listening = true;
        Thread thread = new Thread(this::listen, "parcel-changes");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        listening = false;
        Thread thread = listener;
        thread.interrupt();
        try {
            thread.join(WAIT_MILLIS + RECONNECT_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener = null;
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    /**
     * The embedded default stops its database when the context starts closing, before lifecycle beans stop:
     * to stop listening first keeps the lost connection from being reported as a failure.
     */
    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void closing() {
        listening = false;
    }

    private void listen() {
        while (listening) {
            try (Connection connection = database.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                sink.tryEmitNext(ParcelChanged.ANY);
                relay(connection);
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    // The message may quote the server; the type and SQL state say enough.
                    log.warn("parcel change listener failed ({}); reconnecting in {}", describe(e), RECONNECT_DELAY);
                    if (!pause()) {
                        break;
                    }
                }
            }
        }
        sink.tryEmitComplete();
    }

    private void relay(Connection connection) throws SQLException {
        PGConnection notices = connection.unwrap(PGConnection.class);
        long idleSince = System.nanoTime();
        while (listening) {
            PGNotification[] received = notices.getNotifications(WAIT_MILLIS);
            if (received != null) {
                for (PGNotification notice : received) {
                    emit(notice.getParameter());
                }
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > IDLE_CHECK.toNanos()) {
                if (!connection.isValid(IDLE_CHECK_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection no longer answers");
                }
                idleSince = System.nanoTime();
            }
        }
    }

    private void emit(String payload) {
        UUID waybillId;
        try {
            waybillId = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            log.warn("ignored a {} notice whose payload is not a waybill id", CHANNEL);
            return;
        }
        sink.tryEmitNext(new ParcelChanged(waybillId));
    }

    /** False when interrupted: the service is stopping. */
    private static boolean pause() {
        try {
            Thread.sleep(RECONNECT_DELAY.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(Exception e) {
        return e instanceof SQLException sql ? e.getClass().getName() + ", SQL state " + sql.getSQLState() : e.getClass().getName();
    }
}
