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
}
