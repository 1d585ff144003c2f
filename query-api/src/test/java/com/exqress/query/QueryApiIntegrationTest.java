package com.exqress.query;

import com.exqress.embedded.SharedPostgres;
import com.exqress.identity.DemoLogins;
import com.exqress.identity.EmbeddedIdentity;
import com.exqress.projections.ProjectionSchemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * query-api on the JVM's shared embedded PostgreSQL, driven over HTTP as the demo users. The read-model schema
 * comes from the projections service's own migration ({@link ProjectionSchemas}, as in the standalone build); the
 * tests write its rows as the projections service would, because the read model is query-api's input. All
 * subclasses share one application context and isolate themselves by their own waybills.
 */
@ExtendWith(SharedPostgres.class)
// Immediate shutdown: graceful shutdown would wait for the test client's pooled keep-alive connections.
@SpringBootTest(classes = {QueryApiApplication.class, EmbeddedIdentity.class, ProjectionSchemas.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exqress.identity.embedded=true", "server.shutdown=immediate",
                "exqress.tracking.heartbeat=PT1S", "exqress.tracking.stuck-after-per-status.out-for-delivery=PT6H",
                "exqress.audit.scheduled-checkpoints=false"})
@ActiveProfiles("embedded")
public abstract class QueryApiIntegrationTest {

    @Autowired
    protected WebTestClient client;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    protected ReadModelRows readModel;
    private DemoLogins logins;

    @BeforeEach
    void setUpClient() {
        logins = new DemoLogins(client, Integer.toString(port));
        readModel = new ReadModelRows(jdbc, transactions);
    }

    /** The Authorization header value of a demo user. */
    protected String bearer(String user) {
        return "Bearer " + logins.accessToken(user);
    }
}
