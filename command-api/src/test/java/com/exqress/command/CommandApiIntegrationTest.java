package com.exqress.command;

import com.exqress.embedded.SharedPostgres;
import com.exqress.identity.DemoLogins;
import com.exqress.identity.EmbeddedIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The command-api running on the JVM's shared embedded PostgreSQL, driven over HTTP as demo users. All
 * subclasses share one application context; each test isolates itself by its own waybill ids and keys.
 */
@ExtendWith(SharedPostgres.class)
// With the embedded identity service, as the standalone default runs: tests log in as the demo users.
// Immediate shutdown: graceful shutdown would wait 30 s at the end of the test JVM for the test client's
// pooled keep-alive connections, which are never closed.
@SpringBootTest(classes = {CommandApiApplication.class, EmbeddedIdentity.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exqress.identity.embedded=true", "server.shutdown=immediate",
                "exqress.scans.per-device-per-minute=20"})
// Spring Boot tests leave the Prometheus registry out unless asked; the services serve it.
@AutoConfigureObservability
@ActiveProfiles("embedded")
abstract class CommandApiIntegrationTest {

    @Autowired
    WebTestClient webClient;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    DemoLogins logins;
    WaybillApiClient api;

    @BeforeEach
    void setUpClient() {
        logins = new DemoLogins(webClient, Integer.toString(port));
        api = new WaybillApiClient(webClient, logins);
    }

    /** The Authorization header value of a demo user. */
    String bearer(String user) {
        return "Bearer " + logins.accessToken(user);
    }
}
