package com.exqress.projections;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

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
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
    }

    /** What the ServiceMonitor in infra/argocd scrapes, without a token. */
    @Test
    void exposesItsMetricsToPrometheus() {
        client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("jvm_memory_used_bytes", "hikaricp_connections_active"));
    }
}
