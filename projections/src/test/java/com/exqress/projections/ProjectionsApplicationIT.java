package com.exqress.projections;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** projections runs as a service of its own on PostgreSQL and Kafka, in the default (production) profile. */
class ProjectionsApplicationIT extends ProjectionsIntegrationTest {

    @Autowired
    WebTestClient client;

    @Test
    void isHealthyOnItsOwn() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /** The paths the Kubernetes probes in infra/argocd ask, without a token. */
    @Test
    void answersTheKubernetesProbes() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
