package com.exqress.identity;

import com.exqress.embedded.SharedPostgres;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded identity service over HTTP on a real PostgreSQL, and the token checks every service applies. */
@ExtendWith(SharedPostgres.class)
@SpringBootTest(classes = IdentityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exqress.identity.embedded=true", "server.shutdown=immediate"})
@ActiveProfiles("embedded")
class IdentityIT {

    @Autowired
    WebTestClient client;
    @Autowired
    AccessTokens accessTokens;
    @LocalServerPort
    int port;

    DemoLogins logins;

    @BeforeEach
    void setUp() {
        logins = new DemoLogins(client, Integer.toString(port));
    }

    @Test
    void loginAnswersWithAShortLivedAccessTokenAndARefreshToken() {
        Map<String, Object> tokens = logins.login("courier-swp-1");

        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900)
                .containsKeys("access_token", "refresh_token");
        me(tokens.get("access_token").toString()).expectStatus().isOk().expectBody()
                .jsonPath("$.username").isEqualTo("courier-swp-1").jsonPath("$.role").isEqualTo("COURIER")
                .jsonPath("$.carrier").isEqualTo("SWP").jsonPath("$.hub").isEqualTo("SEL-01");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        login("customer2", "wrong-password").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_CREDENTIALS");
        login("nobody-" + UUID.randomUUID().toString().substring(0, 8), "demo-password").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhileEvenForTheRightPassword() {
        String account = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT; i++) {
            login(account, "guess-" + i).expectStatus().isUnauthorized();
        }

        login(account, "guess-again").expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L))
                .expectBody().jsonPath("$.code").isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
    }

    @Test
    void refreshRotatesTheTokenAndAReusedOneEndsTheWholeFamily() {
        String first = logins.login("sender1").get("refresh_token").toString();

        Map<?, ?> rotated = refresh(first).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String second = rotated.get("refresh_token").toString();
        assertThat(second).isNotEqualTo(first);
        me(rotated.get("access_token").toString()).expectStatus().isOk();

        refresh(first).expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("REFRESH_TOKEN_REUSED");
        refresh(second).expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void logoutEndsTheSession() {
        String refreshToken = logins.login("recipient1").get("refresh_token").toString();

        client.post().uri("/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", refreshToken)).exchange().expectStatus().isNoContent();

        refresh(refreshToken).expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthenticated() {
        client.get().uri("/auth/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        client.get().uri("/auth/me").header("X-Exqress-User", "auditor").exchange().expectStatus().isUnauthorized();
        me("not-a-token").expectStatus().isUnauthorized();
    }

    @Test
    void anExpiredTokenIsRefused() {
        me(signed(claims().expirationTime(Date.from(Instant.now().minusSeconds(120)))).serialize()).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        me(signed(claims().issuer("https://evil.example")).serialize()).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        me(signed(claims().audience("another-service")).serialize()).expectStatus().isUnauthorized();
    }

    @Test
    void anUnsignedTokenIsRefused() {
        me(new PlainJWT(claims().build()).serialize()).expectStatus().isUnauthorized();
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String genuine = signed(claims()).serialize();
        String[] parts = genuine.split("\\.");
        String forgedClaims = com.nimbusds.jose.util.Base64URL.encode(claims().subject("admin-swp")
                .claim("role", "CARRIER_ADMIN").build().toString().getBytes(StandardCharsets.UTF_8)).toString();

        me(parts[0] + "." + forgedClaims + "." + parts[2]).expectStatus().isUnauthorized();
        me(genuine).expectStatus().isOk();
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        String publicJwk = JWKSet.parse(client.get().uri("/auth/jwks.json").exchange().expectBody(String.class)
                .returnResult().getResponseBody()).getKeys().get(0).toJSONString();
        SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        confused.sign(new MACSigner(padded(publicJwk.getBytes(StandardCharsets.UTF_8))));

        me(confused.serialize()).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("stranger").build(), claims().build());
        token.sign(new ECDSASigner(stranger));

        me(token.serialize()).expectStatus().isUnauthorized();
    }

    @Test
    void aValidTokenWithoutAnExqressRoleActsAsNobody() {
        me(signed(claims().claim("role", "SUPERUSER")).serialize()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("urn:exqress:identity").audience("exqress").subject("customer2")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("role", "CUSTOMER");
    }

    private SignedJWT signed(JWTClaimsSet.Builder claims) {
        return accessTokens.sign(claims.build());
    }

    /** HS256 needs a secret of at least 256 bits; the attacker pads whatever public material they use. */
    private static byte[] padded(byte[] secret) {
        return secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32);
    }

    private WebTestClient.ResponseSpec me(String token) {
        return client.get().uri("/auth/me").header("Authorization", "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password)).exchange();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return client.post().uri("/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", refreshToken)).exchange();
    }
}
