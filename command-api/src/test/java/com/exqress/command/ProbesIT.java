package com.exqress.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** command-api answers the paths the Kubernetes probes and Prometheus in infra/argocd ask, without a token. */
class ProbesIT extends CommandApiIntegrationTest {

    @Test
    void answersTheKubernetesProbes() {
        webClient.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        webClient.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.db.status").isEqualTo("UP");
    }

    @Test
    void exposesItsMetricsToPrometheusWithoutAToken() {
        webClient.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes"));
    }
}
