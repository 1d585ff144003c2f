package com.exqress.standalone;

import com.exqress.identity.DemoLogins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook admin endpoints in the whole application, as the demo users call them: who may do what, the secret
 * shown once, and the URLs refused. The URLs point at a port nobody listens on: no test here sends events anywhere.
 */
class WebhookAdminIT {

    private static final String NO_TOKEN = "(no token)";
    /** Everyone who is not an admin of SWP. */
    private static final List<String> NOT_SWP_ADMINS = List.of("admin-nrt", "platform-admin", "courier-swp-1", "sender1",
            "auditor");
    private static final Map<String, String> VALID = Map.of("url", "https://localhost:9/exqress");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(ExqressApplication.class).run("--server.port=0", "--exqress.data-dir=" + dataDir);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void onlyTheCarriersAdminsRegisterAndTheSecretIsShownOnlyThen() throws Exception {
        for (String user : NOT_SWP_ADMINS) {
            assertProblem(call(HttpMethod.POST, "/carriers/SWP/webhooks", user, VALID), 403, "FORBIDDEN");
        }
        assertProblem(call(HttpMethod.POST, "/carriers/SWP/webhooks", NO_TOKEN, VALID), 401, "UNAUTHENTICATED");

        JsonNode created = json(call(HttpMethod.POST, "/carriers/SWP/webhooks", "admin-swp", VALID), 201);

        String secret = created.get("secret").asText();
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.get("url").asText()).isEqualTo("https://localhost:9/exqress");
        assertThat(created.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.get("createdAt").asText()).isNotBlank();
        for (String admin : List.of("admin-swp", "platform-admin")) {
            EntityExchangeResult<String> listed = call(HttpMethod.GET, "/carriers/SWP/webhooks", admin, null);
            assertThat(listed.getResponseBody()).doesNotContain(secret).doesNotContain("secret");
            JsonNode webhook = webhook(json(listed, 200), created.get("id").asText());
            assertThat(webhook.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(webhook.get("consecutiveFailures").asInt()).isZero();
            assertThat(webhook.get("pendingDeliveries").asLong()).isZero();
            assertThat(webhook.get("createdAt")).isEqualTo(created.get("createdAt"));
        }
    }

    @Test
    void carrierAdminsAndPlatformAdminsListAWebhooksCarrierOthersDoNot() throws Exception {
        assertThat(json(call(HttpMethod.GET, "/carriers/NRT/webhooks", "admin-nrt", null), 200).get("carrier").asText())
                .isEqualTo("NRT");
        for (String user : List.of("admin-nrt", "courier-swp-1", "sender1", "auditor")) {
            assertProblem(call(HttpMethod.GET, "/carriers/SWP/webhooks", user, null), 403, "FORBIDDEN");
        }
        assertProblem(call(HttpMethod.GET, "/carriers/SWP/webhooks", NO_TOKEN, null), 401, "UNAUTHENTICATED");
        assertProblem(call(HttpMethod.GET, "/carriers/XYZ/webhooks", "platform-admin", null), 404, "CARRIER_NOT_FOUND");
    }

    @Test
    void onlyTheCarriersAdminsEnableAndDeleteItsWebhooks() throws Exception {
        String id = json(call(HttpMethod.POST, "/carriers/SWP/webhooks", "admin-swp", VALID), 201).get("id").asText();
        String enable = "/carriers/SWP/webhooks/" + id + "/enable";
        String webhook = "/carriers/SWP/webhooks/" + id;
        for (String user : NOT_SWP_ADMINS) {
            assertProblem(call(HttpMethod.POST, enable, user, null), 403, "FORBIDDEN");
            assertProblem(call(HttpMethod.DELETE, webhook, user, null), 403, "FORBIDDEN");
        }
        assertProblem(call(HttpMethod.POST, enable, NO_TOKEN, null), 401, "UNAUTHENTICATED");
        assertProblem(call(HttpMethod.DELETE, webhook, NO_TOKEN, null), 401, "UNAUTHENTICATED");
        // Another carrier's admin, asking under their own carrier, learns nothing about this webhook.
        assertProblem(call(HttpMethod.POST, "/carriers/NRT/webhooks/" + id + "/enable", "admin-nrt", null), 404,
                "WEBHOOK_NOT_FOUND");
        assertProblem(call(HttpMethod.DELETE, "/carriers/NRT/webhooks/" + id, "admin-nrt", null), 404, "WEBHOOK_NOT_FOUND");

        JsonNode enabled = json(call(HttpMethod.POST, enable, "admin-swp", null), 200);
        assertThat(enabled.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(enabled.has("secret")).isFalse();
        assertThat(call(HttpMethod.DELETE, webhook, "admin-swp", null).getStatus().value()).isEqualTo(204);

        assertProblem(call(HttpMethod.DELETE, webhook, "admin-swp", null), 404, "WEBHOOK_NOT_FOUND");
        assertProblem(call(HttpMethod.POST, enable, "admin-swp", null), 404, "WEBHOOK_NOT_FOUND");
        assertProblem(call(HttpMethod.POST, "/carriers/SWP/webhooks/not-an-id/enable", "admin-swp", null), 404,
                "WEBHOOK_NOT_FOUND");
        assertThat(json(call(HttpMethod.GET, "/carriers/SWP/webhooks", "admin-swp", null), 200).toString()).doesNotContain(id);
    }

    @Test
    void aUrlThatIsNotHttpsIsRefusedWithTheFieldToFixAndWithoutRepeatingIt() throws Exception {
        for (Map<String, Object> request : List.<Map<String, Object>>of(Map.of(), Map.of("url", ""),
                Map.of("url", "http://hooks.carrier.example/exqress"), Map.of("url", "ftp://hooks.carrier.example/exqress"),
                Map.of("url", "hooks.carrier.example/exqress"), Map.of("url", "https://someone:hunter2@hooks.carrier.example/"))) {
            EntityExchangeResult<String> refused = call(HttpMethod.POST, "/carriers/SWP/webhooks", "admin-swp", request);
            JsonNode problem = assertProblem(refused, 400, "VALIDATION_FAILED");
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("url");
            assertThat(refused.getResponseBody()).doesNotContain("hooks.carrier.example", "hunter2");
        }
        assertProblem(call(HttpMethod.POST, "/carriers/SWP/webhooks", "admin-swp",
                Map.of("url", "https://localhost:9/exqress", "secret", "my-own")), 400, "UNKNOWN_FIELD");
        for (String broken : List.of("{\"url\":", "", "null", "[]")) {
            assertProblem(call(HttpMethod.POST, "/carriers/SWP/webhooks", "admin-swp", broken), 400, "MALFORMED_JSON");
        }
        // The embedded default lets a receiver on this machine listen on plain http, as the README's demo does.
        json(call(HttpMethod.POST, "/carriers/SWP/webhooks", "admin-swp", Map.of("url", "http://localhost:9/exqress")), 201);
    }

    private static EntityExchangeResult<String> call(HttpMethod method, String path, String user, Object body) {
        WebTestClient.RequestBodySpec request = client().method(method).uri(path);
        if (!user.equals(NO_TOKEN)) {
            request.header("Authorization", "Bearer " + new DemoLogins(client(), port()).accessToken(user));
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().expectBody(String.class).returnResult();
    }

    private static JsonNode json(EntityExchangeResult<String> answer, int status) throws Exception {
        assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(status);
        return JSON.readTree(answer.getResponseBody());
    }

    private static JsonNode assertProblem(EntityExchangeResult<String> answer, int status, String code) throws Exception {
        JsonNode problem = json(answer, status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        return problem;
    }

    private static JsonNode webhook(JsonNode list, String id) {
        for (JsonNode webhook : list.get("webhooks")) {
            if (webhook.get("id").asText().equals(id)) {
                return webhook;
            }
        }
        throw new AssertionError("no webhook " + id + " in " + list);
    }

    private static WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port()).build();
    }

    private static String port() {
        return app.getEnvironment().getProperty("local.server.port");
    }
}
