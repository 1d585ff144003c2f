package com.exqress.query;

import com.exqress.embedded.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

/** query-api runs as a service of its own on PostgreSQL; its history endpoint answers with problems, not 500s. */
@ExtendWith(SharedPostgres.class)
@SpringBootTest(classes = QueryApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
class QueryApiApplicationIT {

    @Autowired
    WebTestClient client;

    @Test
    void isHealthyOnItsOwn() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void historyOfAnUnknownWaybillIsNotFound() {
        client.get().uri("/waybills/{id}/events", UUID.randomUUID()).header("X-Exqress-User", "auditor")
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("WAYBILL_NOT_FOUND");
    }

    @Test
    void historyIsNotForCustomersOrCouriers() {
        client.get().uri("/waybills/{id}/events", UUID.randomUUID()).header("X-Exqress-User", "courier-swp-1")
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }
}
