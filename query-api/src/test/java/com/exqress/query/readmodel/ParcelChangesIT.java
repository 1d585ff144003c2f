package com.exqress.query.readmodel;

import com.exqress.embedded.EmbeddedPostgresServer;
import com.exqress.embedded.SharedPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener on its own, against the shared PostgreSQL. Application contexts of other tests in this JVM run
 * listeners of their own on the same channel; this one's connection is the newest.
 */
@ExtendWith(SharedPostgres.class)
class ParcelChangesIT {

    private static final Object COMPLETE = new Object();

    private final JdbcTemplate owner = new JdbcTemplate(SharedPostgres.server().ownerDataSource());
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private ParcelChanges listener;
    private Disposable subscription;
    private int backend;

    @BeforeEach
    void startListening() throws InterruptedException {
        Map<String, String> properties = SharedPostgres.server().springProperties();
        DataSourceProperties dataSource = new DataSourceProperties();
        dataSource.setUrl(properties.get("spring.datasource.url"));
        dataSource.setUsername(EmbeddedPostgresServer.APP_ROLE);
        dataSource.setPassword(properties.get("spring.datasource.password"));
        listener = new ParcelChanges(dataSource, new SimpleMeterRegistry());
        subscription = listener.changes().subscribe(received::add, received::add, () -> received.add(COMPLETE));
        listener.start();
        assertThat(next()).as("told to re-read once listening").isEqualTo(ParcelChanged.ANY);
        backend = newestListeningBackend();
    }

    @AfterEach
    void stopListening() {
        subscription.dispose();
        if (listener.isRunning()) {
            listener.stop();
        }
    }

    @Test
    void aNoticeOfAParcelReachesTheSubscribers() throws InterruptedException {
        UUID waybillId = UUID.randomUUID();

        notifyChanged("not a waybill id");
        notifyChanged(waybillId.toString());

        assertThat(next()).as("the malformed notice is skipped").isEqualTo(new ParcelChanged(waybillId));
    }

    @Test
    void afterLosingItsConnectionItReconnectsAndTellsEveryoneToReRead() throws InterruptedException {
        owner.queryForList("SELECT pg_terminate_backend(?)", backend);

        assertThat(next()).isEqualTo(ParcelChanged.ANY);
        UUID waybillId = UUID.randomUUID();
        notifyChanged(waybillId.toString());
        assertThat(next()).isEqualTo(new ParcelChanged(waybillId));
    }

    @Test
    void stoppingClosesTheConnectionAndEndsTheChanges() throws InterruptedException {
        listener.stop();

        assertThat(listener.isRunning()).isFalse();
        assertEnded();
    }

    /** Before lifecycle beans stop, when the embedded default's database may already be going down. */
    @Test
    void whenTheContextClosesItStopsListeningAtOnce() throws InterruptedException {
        listener.closing();

        assertEnded();
    }

    private void assertEnded() throws InterruptedException {
        assertThat(next()).as("the end of the changes").isSameAs(COMPLETE);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (isConnected(backend) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(isConnected(backend)).as("the listening connection is closed").isFalse();
    }

    private void notifyChanged(String payload) {
        owner.queryForList("SELECT pg_notify('parcel_changed', ?)", payload);
    }

    private int newestListeningBackend() {
        Integer pid = owner.queryForObject("""
                SELECT pid FROM pg_stat_activity WHERE application_name = ? ORDER BY backend_start DESC LIMIT 1
                """, Integer.class, ParcelChanges.APPLICATION_NAME);
        assertThat(pid).isNotNull();
        return pid;
    }

    private boolean isConnected(int pid) {
        return Boolean.TRUE.equals(owner.queryForObject("SELECT EXISTS (SELECT FROM pg_stat_activity WHERE pid = ?)",
                Boolean.class, pid));
    }

    private Object next() throws InterruptedException {
        Object signal = received.poll(10, TimeUnit.SECONDS);
        assertThat(signal).as("a signal within 10 s").isNotNull();
        return signal;
    }
}
