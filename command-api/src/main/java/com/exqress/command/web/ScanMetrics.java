package com.exqress.command.web;

import com.exqress.platform.web.ProblemResponses;
import com.exqress.waybill.api.ScanAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts every answer to {@code POST /scans} as {@code exqress.scans}, tagged by outcome, problem code and the
 * scan's action, so a token or phone probing labels shows in the metrics however it is refused:
 * unauthenticated, malformed, rate-limited or not its parcel. Times them as {@code exqress.scans.latency}, by
 * outcome and action, with histogram buckets for percentiles and the scan SLOs. The tags name no waybill, label,
 * courier or device.
 */
@Component
// First of all filters, before security: a request refused for its token is an attempt too.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ScanMetrics implements WebFilter {

    /** The exchange attribute holding the scan's {@link ScanAction}, once its body was read. */
    private static final String ACTION = ScanMetrics.class.getName() + ".action";
    /** Scans the canary analysis and the alert rules of infra/ hold to: 99 % within half a second. */
    private static final Duration[] SLOS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1)};

    private final MeterRegistry meters;

    public ScanMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (HttpMethod.POST.equals(request.getMethod()) && "/scans".equals(request.getPath().pathWithinApplication().value())) {
            // At commit the status is final and a refusal's code is known, whichever filter or handler answered.
            long start = System.nanoTime();
            exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> record(exchange, System.nanoTime() - start)));
        }
        return chain.filter(exchange);
    }

    /** Tags the scan of this exchange with its action, for the metrics recorded when it is answered. */
    static void tagAction(ServerWebExchange exchange, ScanAction action) {
        exchange.getAttributes().put(ACTION, action);
    }

    private void record(ServerWebExchange exchange, long nanos) {
        String outcome = outcomeOf(exchange.getResponse().getStatusCode());
        // A scan refused before its body was read (its token, its JSON) has no action.
        ScanAction action = exchange.getAttribute(ACTION);
        String actionTag = action == null ? "NONE" : action.name();
        Counter.builder("exqress.scans")
                .description("answers to POST /scans: accepted, refused (4xx) or failed (5xx), with the problem code")
                .tag("outcome", outcome)
                .tag("code", exchange.getAttributeOrDefault(ProblemResponses.PROBLEM_CODE, "NONE"))
                .tag("action", actionTag)
                .register(meters)
                .increment();
        Timer.builder("exqress.scans.latency")
                .description("time to answer POST /scans, from the first filter to the answer's headers")
                .tag("outcome", outcome)
                .tag("action", actionTag)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .serviceLevelObjectives(SLOS)
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
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
