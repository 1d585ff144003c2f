package com.exqress.query;

import com.exqress.embedded.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

/**
 * query-api as deployed in production: it trusts only tokens of the configured OIDC provider (here one that
 * is never reached), never an identity header.
 */
@ExtendWith(SharedPostgres.class)
@SpringBootTest(classes = QueryApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exqress.security.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json", "exqress.security.jwt.issuer=urn:test",
                "server.shutdown=immediate"})
class ProductionProfileIT {

    @Autowired
    WebTestClient client;

    @Test
    void anIdentityHeaderIsNotAnIdentity() {
        client.get().uri("/waybills/{id}/events", UUID.randomUUID()).header("X-Exqress-User", "auditor")
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aTokenThatCannotBeVerifiedIsRefused() {
        client.get().uri("/waybills/{id}/events", UUID.randomUUID()).header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theHealthProbeNeedsNoToken() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
