package com.exqress.query.customer;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A client of a live tracking view. Events are queued as they arrive and taken on the test's thread, which may
 * block and write to the database, unlike the HTTP client's event loop.
 */
final class LiveView implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Object COMPLETE = new Object();

    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private final Disposable subscription;

    LiveView(Flux<ServerSentEvent<Map<String, Object>>> events) {
        subscription = events.subscribe(signals::add, signals::add, () -> signals.add(COMPLETE));
    }

    /** The next tracking view, skipping heartbeats. */
    Map<String, Object> nextView() {
        long deadline = deadline();
        while (true) {
            ServerSentEvent<Map<String, Object>> event = nextEvent(deadline);
            if (event.data() != null) {
                assertThat(event.event()).isEqualTo("tracking");
                return event.data();
            }
        }
    }

    /** The next heartbeat comment, skipping views. */
    String nextComment() {
        long deadline = deadline();
        while (true) {
            ServerSentEvent<Map<String, Object>> event = nextEvent(deadline);
            if (event.comment() != null) {
                return event.comment();
            }
        }
    }

    /** The stream ends, with nothing but heartbeats before. */
    void assertCompletes() {
        long deadline = deadline();
        Object signal = take(deadline);
        while (signal instanceof ServerSentEvent<?> event && event.data() == null) {
            signal = take(deadline);
        }
        assertThat(signal).as("the end of the stream").isSameAs(COMPLETE);
    }

    @Override
    public void close() {
        subscription.dispose();
    }

    @SuppressWarnings("unchecked")
    private ServerSentEvent<Map<String, Object>> nextEvent(long deadline) {
        Object signal = take(deadline);
        if (signal instanceof ServerSentEvent<?> event) {
            return (ServerSentEvent<Map<String, Object>>) event;
        }
        return fail("expected an event, got " + (signal == COMPLETE ? "the end of the stream" : signal));
    }

    private static long deadline() {
        return System.nanoTime() + WAIT.toNanos();
    }

    private Object take(long deadline) {
        try {
            Object signal = signals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            return signal != null ? signal : fail("nothing expected arrived within " + WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
