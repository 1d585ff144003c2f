package com.exqress.command;

import org.junit.jupiter.api.Test;

/** command-api answers the paths the Kubernetes probes in infra/argocd ask, without a token. */
class ProbesIT extends CommandApiIntegrationTest {

    @Test
    void answersTheKubernetesProbes() {
        webClient.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        webClient.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
