package com.exqress.command.web;

import com.exqress.platform.web.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts every answer to {@code POST /scans} as {@code exqress.scans}, tagged by outcome and problem code, so a
 * token or phone probing labels shows in the metrics however it is refused: unauthenticated, malformed,
 * rate-limited or not its parcel. The tags name no waybill, label, courier or device.
 */
@Component
// First of all filters, before security: a request refused for its token is an attempt too.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ScanMetrics implements WebFilter {

    private final MeterRegistry meters;

    public ScanMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (HttpMethod.POST.equals(request.getMethod()) && "/scans".equals(request.getPath().pathWithinApplication().value())) {
            // At commit the status is final and a refusal's code is known, whichever filter or handler answered.
            exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> count(exchange)));
        }
        return chain.filter(exchange);
    }

    private void count(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Counter.builder("exqress.scans")
                .description("answers to POST /scans: accepted, refused (4xx) or failed (5xx), with the problem code")
                .tag("outcome", outcomeOf(status))
                .tag("code", exchange.getAttributeOrDefault(ProblemResponses.PROBLEM_CODE, "NONE"))
                .register(meters)
                .increment();
    }

    private static String outcomeOf(HttpStatusCode status) {
        if (status == null || status.is2xxSuccessful()) {
            return "accepted";
        }
        if (status.is5xxServerError()) {
            return "failed";
        }
        return "refused";
    }
}
