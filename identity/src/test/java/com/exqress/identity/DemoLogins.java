package com.exqress.identity;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs in as the README's demo users through {@code POST /auth/login}, once per user and server per test
 * JVM (bcrypt makes each login take a while), and hands out the access tokens.
 */
public final class DemoLogins {

    public static final String PASSWORD = "demo-password";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final WebTestClient client;
    private final String server;

    /** @param server what tells this server's tokens apart from another's in the same JVM, e.g. its port */
    public DemoLogins(WebTestClient client, String server) {
        // A bcrypt check on a loaded 2-core machine can outlast WebTestClient's 5 s default.
        this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        this.server = server;
    }

    public String accessToken(String username) {
        return TOKENS.computeIfAbsent(server + "/" + username, key -> login(username).get("access_token").toString());
    }

    /** A fresh login: access token, refresh token and the rest of the token response. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> login(String username) {
        return client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
