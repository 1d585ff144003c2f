package com.exqress.projections;

import com.exqress.embedded.SharedKafka;
import com.exqress.embedded.SharedPostgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * projections as a service of its own, in the default (production) profile, on the test JVM's shared embedded
 * PostgreSQL and Kafka broker. Subclasses share one application context; each test isolates itself by its own
 * waybill ids. Immediate shutdown: graceful shutdown would wait for the test client's keep-alive connections.
 */
@ExtendWith({SharedPostgres.class, SharedKafka.class})
@SpringBootTest(classes = ProjectionsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exqress.security.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json", "exqress.security.jwt.issuer=urn:test",
                "server.shutdown=immediate"})
public abstract class ProjectionsIntegrationTest {
}
