package com.exqress.projections.webhook;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender against a real HTTP server on localhost: what it sends, and how each kind of failure is named. */
class WebhookSenderTest {

    private static final String BODY = "{\"schemaVersion\":1,\"eventId\":\"e-1\",\"carrier\":\"SWP\"}";
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    /** Patient enough for a loaded build machine, where only the timeout itself is under test. */
    private final WebhookSender sender = sender(Duration.ofSeconds(5), Duration.ofSeconds(10));

    @Test
    void postsTheBodyAsItIsWithTheEventIdATimestampAndTheSignatureOfBoth() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            assertThat(sender.post(delivery(receiver.url()))).isEmpty();

            Receiver.Request request = receiver.requests().get(0);
            assertThat(request.body()).isEqualTo(BODY);
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.eventId()).isEqualTo("e-1");
            assertThat(request.timestamp()).isEqualTo(Long.toString(NOW.getEpochSecond()));
            assertThat(request.signature()).isEqualTo(WebhookSignature.of("the-secret", request.timestamp(), BODY));
        }
    }

    @Test
    void anAnswerOutside2xxIsNamedByItsStatus() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            receiver.answer(500);
            assertThat(sender.post(delivery(receiver.url()))).contains("HTTP_500");
            receiver.answer(301);
            assertThat(sender.post(delivery(receiver.url()))).contains("HTTP_301");
        }
    }

    @Test
    void aPortNobodyListensOnIsARefusedConnection() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(sender.post(delivery("http://127.0.0.1:" + port + "/hook"))).contains("CONNECTION_REFUSED");
    }

    @Test
    void aReceiverThatNeverFinishesItsAnswerTimesOut() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CountDownLatch testOver = new CountDownLatch(1);
        // Headers at once, then a body that does not end: the request timeout alone would wait for it.
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write('{');
                body.flush();
                testOver.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        try {
            long started = System.nanoTime();
            assertThat(sender(Duration.ofSeconds(1), Duration.ofMillis(500)).post(delivery("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/hook"))).contains("TIMEOUT");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        } finally {
            testOver.countDown();
            server.stop(0);
        }
    }

    private static WebhookSender sender(Duration connectTimeout, Duration requestTimeout) {
        return new WebhookSender(new WebhookProperties(10, true, 1, 10, Duration.ofSeconds(1), connectTimeout,
                requestTimeout, Duration.ofSeconds(1), Duration.ofMinutes(10)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Delivery delivery(String url) {
        return new Delivery(UUID.randomUUID(), "e-1", BODY, 0, url, "the-secret");
    }
}
