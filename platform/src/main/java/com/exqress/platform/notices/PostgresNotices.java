package com.exqress.platform.notices;

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

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Receives the notices of one {@code NOTIFY} channel. A writer runs {@code pg_notify(channel, payload)} in the
 * transaction that makes a change, so a notice arrives only once the change is visible. One connection of its own,
 * not from the pool because it is held for as long as the service runs, {@code LISTEN}s on a daemon thread. After
 * any failure it reconnects and then calls {@link #onListening()} again, because notices sent while nobody
 * listened are lost.
 */
public abstract class PostgresNotices implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotices.class);
    /** How long one wait for notices blocks, and so how long stopping may take. */
    private static final int WAIT_MILLIS = 1_000;
    /** A connection whose peer vanished without closing it never fails a wait, so an idle one is asked now and then. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(30);
    private static final int IDLE_CHECK_TIMEOUT_SECONDS = 5;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final String channel;
    private final PGSimpleDataSource database = new PGSimpleDataSource();
    /** Whether the listener thread keeps going; it checks at least once per wait. */
    private volatile boolean listening;
    /** The listener thread from start to stop. */
    private volatile Thread listener;

    /** {@code applicationName} names the connection in {@code pg_stat_activity}. */
    protected PostgresNotices(DataSourceProperties dataSource, String channel, String applicationName) {
        this.channel = channel;
        database.setURL(dataSource.determineUrl());
        database.setUser(dataSource.determineUsername());
        database.setPassword(dataSource.determinePassword());
        database.setApplicationName(applicationName);
    }

    /** One notice's payload, on the listener thread. */
    protected abstract void onNotice(String payload);

    /** Listening (again), on the listener thread: anything notified before may have been missed. */
    protected abstract void onListening();

    /** The listener thread ends: no notice follows. */
    protected void onStopped() {
    }

    @Override
    public void start() {
        listening = true;
        Thread thread = new Thread(this::listen, channel);
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
                    statement.execute("LISTEN " + channel);
                }
                onListening();
                relay(connection);
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    // The message may quote the server; the type and SQL state say enough.
                    log.warn("{} listener failed ({}); reconnecting in {}", channel, describe(e), RECONNECT_DELAY);
                    if (!pause()) {
                        break;
                    }
                }
            }
        }
        onStopped();
    }

    private void relay(Connection connection) throws SQLException {
        PGConnection notices = connection.unwrap(PGConnection.class);
        long idleSince = System.nanoTime();
        while (listening) {
            PGNotification[] received = notices.getNotifications(WAIT_MILLIS);
            if (received != null) {
                for (PGNotification notice : received) {
                    onNotice(notice.getParameter());
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
