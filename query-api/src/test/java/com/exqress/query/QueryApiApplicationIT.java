package com.exqress.query;

import com.exqress.embedded.SharedPostgres;
import com.exqress.identity.DemoLogins;
import com.exqress.identity.EmbeddedIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

/** query-api runs as a service of its own on PostgreSQL; its history endpoint answers with problems, not 500s. */
@ExtendWith(SharedPostgres.class)
@SpringBootTest(classes = {QueryApiApplication.class, EmbeddedIdentity.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exqress.identity.embedded=true", "server.shutdown=immediate"})
@ActiveProfiles("embedded")
class QueryApiApplicationIT {

    @Autowired
    WebTestClient client;
    @LocalServerPort
    int port;

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

    @Test
    void historyOfAnUnknownWaybillIsNotFound() {
        client.get().uri("/waybills/{id}/events", UUID.randomUUID()).header("Authorization", bearer("auditor"))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("WAYBILL_NOT_FOUND");
    }

    @Test
    void historyIsNotForCustomersOrCouriers() {
        client.get().uri("/waybills/{id}/events", UUID.randomUUID()).header("Authorization", bearer("courier-swp-1"))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    private String bearer(String user) {
        return "Bearer " + new DemoLogins(client, Integer.toString(port)).accessToken(user);
    }
}
