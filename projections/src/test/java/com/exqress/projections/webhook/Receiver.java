package com.exqress.projections.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A carrier's webhook receiver on 127.0.0.1: keeps every request it gets and answers with the status it is told,
 * without a body.
 */
final class Receiver implements AutoCloseable {

    /** @param receivedAt {@link System#nanoTime()} when the request arrived */
    record Request(String contentType, String eventId, String timestamp, String signature, String body, long receivedAt) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 204;

    private Receiver(HttpServer server) {
        this.server = server;
    }

    static Receiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Receiver receiver = new Receiver(server);
            server.createContext("/", exchange -> {
                long receivedAt = System.nanoTime();
                try (InputStream body = exchange.getRequestBody()) {
                    receiver.requests.add(new Request(exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestHeaders().getFirst(WebhookSender.EVENT_ID),
                            exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP),
                            exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8), receivedAt));
                }
                exchange.sendResponseHeaders(receiver.status, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/exqress-events";
    }

    /** The status every following request is answered with. */
    void answer(int status) {
        this.status = status;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests whose body names the waybill: tests share the topic, and each looks at its own parcels. */
    List<Request> requestsAbout(String waybillId) {
        return requests.stream().filter(request -> request.body().contains(waybillId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
