package com.exqress.projections.webhook;

import org.springframework.stereotype.Component;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one delivery to its webhook's URL, signed (see {@link WebhookSignature}), and tells how it went. Redirects
 * are not followed: a receiver that moved is registered again under its new URL.
 */
@Component
class WebhookSender {

    static final String EVENT_ID = "X-Exqress-Event-Id";
    static final String TIMESTAMP = "X-Exqress-Timestamp";
    static final String SIGNATURE = "X-Exqress-Signature";

    private final HttpClient http;
    private final Duration requestTimeout;
    /**
     * The request timeout ends once the response's headers arrive; a receiver that then sends its body slowly would
     * hold a dispatcher thread for as long as it likes. The whole exchange therefore has a limit of its own.
     */
    private final Duration exchangeTimeout;
    private final Clock clock;

    WebhookSender(WebhookProperties properties, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = properties.requestTimeout();
        this.exchangeTimeout = properties.connectTimeout().plus(properties.requestTimeout());
        this.clock = clock;
    }

    /** The longest {@link #post} takes. */
    Duration exchangeTimeout() {
        return exchangeTimeout;
    }

    /**
     * @return empty when the receiver answered 2xx; otherwise what went wrong as a short code ({@code HTTP_500},
     * {@code TIMEOUT}, {@code CONNECTION_REFUSED}, …), never what the receiver said
     * @throws InterruptedException when the dispatcher stops; the attempt then counts neither way
     */
    Optional<String> post(Delivery delivery) throws InterruptedException {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(EVENT_ID, delivery.eventId())
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, WebhookSignature.of(delivery.secret(), timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = exchange.get(exchangeTimeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return status >= 200 && status < 300 ? Optional.empty() : Optional.of("HTTP_" + status);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return Optional.of("TIMEOUT");
        } catch (ExecutionException e) {
            return Optional.of(failureOf(e.getCause()));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
    }

    private static String failureOf(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "CONNECT_TIMEOUT";
        }
        if (failure instanceof HttpTimeoutException) {
            return "TIMEOUT";
        }
        if (failure instanceof ConnectException) {
            return "CONNECTION_REFUSED";
        }
        if (failure instanceof SSLException) {
            return "TLS_FAILED";
        }
        return "NETWORK_ERROR";
    }
}
