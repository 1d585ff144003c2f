package com.exqress.query;

import com.exqress.embedded.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

/** Outside the embedded profile the demo identity header is not trusted: every call is unauthenticated. */
@ExtendWith(SharedPostgres.class)
@SpringBootTest(classes = QueryApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductionProfileIT {

    @Autowired
    WebTestClient client;

    @Test
    void demoIdentityHeaderIsIgnored() {
        client.get().uri("/waybills/{id}/events", UUID.randomUUID()).header("X-Exqress-User", "auditor")
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }
}
