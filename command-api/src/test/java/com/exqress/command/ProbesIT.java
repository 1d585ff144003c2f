package com.exqress.command;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** command-api answers the paths the Kubernetes probes and Prometheus in infra/argocd ask, without a token. */
class ProbesIT extends CommandApiIntegrationTest {

    @Test
    void answersTheKubernetesProbes() {
        webClient.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        webClient.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.db.status").isEqualTo("UP");
    }

    /** The lag is measured every 5 s; the retention schedule, a tracking processor, has nothing left to handle. */
    @Test
    void exposesItsMetricsAndItsProcessorsLagToPrometheusWithoutAToken() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus())
                .contains("jvm_memory_used_bytes", "hikaricp_connections_active")
                .containsPattern("exqress_processor_lag_events\\{[^}]*processor=\"retention-schedule\"} 0.0")
                .containsPattern("exqress_processor_lag_seconds\\{[^}]*processor=\"retention-schedule\"} 0.0"));
    }

    @Test
    void countsRequestsByTheirProblemCodeWithLatencyBuckets() {
        webClient.get().uri("/waybills/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();

        assertThat(prometheus().lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")))
                .anyMatch(line -> line.contains("code=\"UNAUTHENTICATED\"") && line.contains("status=\"401\""));
        assertThat(prometheus()).contains("http_server_requests_seconds_bucket{");
    }

    private String prometheus() {
        // Far more than the 64 KB of a request body the services accept, which the test client shares.
        return webClient.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
