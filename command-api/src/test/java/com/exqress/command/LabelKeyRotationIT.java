package com.exqress.command;

import com.exqress.command.label.AnotherLabelKeyService;
import com.exqress.label.LabelQrCodec;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelReference;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.exqress.command.WaybillApiClient.createRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating and retiring a carrier's label signing keys from the console: new labels take the new key at once,
 * labels printed before keep scanning until their key is retired, and every service holds the same keys.
 * Tests rotate SWP's keys and retire only keys they made, so labels other tests printed keep verifying.
 */
class LabelKeyRotationIT extends CommandApiIntegrationTest {

    private static final CarrierId SWP = new CarrierId("SWP");
    private static final Pattern KEY_ID_IN_QR = Pattern.compile("HTTPS://EXQ\\.RS/L/([0-9A-Z]{1,8})\\.");

    @Autowired
    LabelQrCodec codec;
    @Autowired
    ApplicationContext context;

    @Test
    void aRotatedKeySignsNewLabelsWhileLabelsPrintedBeforeStillScan() throws Exception {
        String waybill = printedWaybill();
        String printedBefore = currentQrText(waybill);
        String idempotencyKey = "rotate-" + UUID.randomUUID();

        Map<?, ?> rotated = rotate("admin-swp", idempotencyKey).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String newKey = rotated.get("keyId").toString();
        Map<?, ?> retried = rotate("admin-swp", idempotencyKey).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(rotated.get("status")).isEqualTo("ACTIVE");
        assertThat(rotated.get("origin")).isEqualTo("ROTATED");
        assertThat(rotated.get("createdBy")).isEqualTo("admin-swp");
        assertThat(newKey).startsWith("SWP").isNotEqualTo(keyIdOf(printedBefore));
        assertThat(retried.get("keyId")).as("a retry finds the key the first attempt made").isEqualTo(newKey);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM label_signing_key WHERE idempotency_key = ?",
                Integer.class, idempotencyKey)).isEqualTo(1);
        assertThat(statusesOf("admin-swp")).containsEntry(newKey, "ACTIVE").containsEntry(keyIdOf(printedBefore), "VERIFYING");
        assertThat(publishedKeyIds()).contains(newKey, keyIdOf(printedBefore));

        String printedAfter = currentQrText(waybill);
        assertThat(keyIdOf(printedAfter)).as("the current label is signed with the new key").isEqualTo(newKey);
        verifyAs("courier-swp-1", printedBefore).expectStatus().isOk().expectBody().jsonPath("$.waybillId").isEqualTo(waybill);
        verifyAs("courier-swp-1", printedAfter).expectStatus().isOk().expectBody().jsonPath("$.waybillId").isEqualTo(waybill);
    }

    @Test
    void theStoredPrivateKeyIsSealed() {
        String keyId = rotate("admin-swp", null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("keyId").toString();

        byte[] stored = jdbc.queryForObject("SELECT sealed_key FROM label_signing_key WHERE key_id = ?", byte[].class, keyId);

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("\"kty\"", "\"d\"", "P-256", keyId);
    }

    @Test
    void aRetiredKeysLabelsAreRevokedAndTheActiveKeyCannotBeRetired() throws Exception {
        String waybill = printedWaybill();
        String first = rotate("admin-swp", null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("keyId").toString();
        String printedWithFirst = currentQrText(waybill);
        String second = rotate("admin-swp", null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("keyId").toString();

        retire("admin-swp", first).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("RETIRED").jsonPath("$.retiredBy").isEqualTo("admin-swp");
        retire("admin-swp", first).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RETIRED");

        assertThat(keyIdOf(printedWithFirst)).isEqualTo(first);
        verifyAs("courier-swp-1", printedWithFirst).expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_REVOKED");
        String reprinted = currentQrText(waybill);
        assertThat(keyIdOf(reprinted)).isEqualTo(second);
        verifyAs("courier-swp-1", reprinted).expectStatus().isOk();
        assertThat(publishedKeyIds()).contains(second).doesNotContain(first);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM label_key_retirement WHERE key_id = ?", Integer.class, first))
                .as("retiring twice records one retirement").isEqualTo(1);

        retire("admin-swp", second).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("LABEL_KEY_ACTIVE");
        String blrKey = codec.keys().ringOf(new CarrierId("BLR")).orElseThrow().activeKeyId();
        retire("admin-swp", blrKey).expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("LABEL_KEY_NOT_FOUND");
        retire("admin-swp", "nokey!").expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        assertThat(statusesOf("admin-swp")).containsEntry(second, "ACTIVE").containsEntry(first, "RETIRED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM label_key_retirement WHERE key_id IN (?, ?)",
                Integer.class, second, blrKey)).isZero();
    }

    @Test
    void onlyTheCarriersOwnAdminsChangeItsKeysAndPlatformAdminsMayLook() {
        int keysBefore = jdbc.queryForObject("SELECT count(*) FROM label_signing_key", Integer.class);
        String active = codec.keys().ringOf(SWP).orElseThrow().activeKeyId();

        for (String user : List.of("admin-nrt", "platform-admin", "courier-swp-1", "sender1", "auditor")) {
            rotate(user, null).expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
            retire(user, active).expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        }
        for (String user : List.of("admin-nrt", "courier-swp-1", "sender1", "auditor")) {
            keys(user, "SWP").expectStatus().isForbidden();
        }
        keys("platform-admin", "SWP").expectStatus().isOk().expectBody().jsonPath("$.carrierId").isEqualTo("SWP");
        keys("admin-swp", "XYZ").expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("CARRIER_NOT_FOUND");
        rotate("admin-swp", "bad key with spaces").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_IDEMPOTENCY_KEY");
        webClient.post().uri("/carriers/SWP/label-keys").exchange().expectStatus().isUnauthorized();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM label_signing_key", Integer.class)).isEqualTo(keysBefore);
        assertThat(codec.keys().ringOf(SWP).orElseThrow().activeKeyId()).isEqualTo(active);
    }

    @Test
    void anotherServiceOnTheSameDatabaseTakesUpARotationWithinMoments() throws Exception {
        try (AnotherLabelKeyService other = AnotherLabelKeyService.startedBeside(context, "HTTPS://EXQ.RS/L/")) {
            awaitListeners(2);
            String newKey = rotate("admin-swp", null).expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("keyId").toString();
            String signedHere = codec.encode(SWP, LabelReference.mint(new SecureRandom()));

            Instant deadline = Instant.now().plusSeconds(5);
            while (!newKey.equals(other.codec().keys().ringOf(SWP).orElseThrow().activeKeyId())
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }

            assertThat(other.codec().keys().ringOf(SWP).orElseThrow().activeKeyId()).isEqualTo(newKey);
            assertThat(other.codec().verify(signedHere).keyId()).isEqualTo(newKey);
            assertThat(keyIdOf(other.codec().encode(SWP, LabelReference.mint(new SecureRandom())))).isEqualTo(newKey);
        }
    }

    /** Both services listen before the rotation, so only its announcement can carry it to the other one. */
    private void awaitListeners(int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline) && jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity "
                + "WHERE application_name = 'exqress-label-key-changes'", Integer.class) < expected) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
    }

    private WebTestClient.ResponseSpec rotate(String user, String idempotencyKey) {
        return api.post("/carriers/SWP/label-keys", user, idempotencyKey, null);
    }

    private WebTestClient.ResponseSpec retire(String user, String keyId) {
        return api.post("/carriers/SWP/label-keys/" + keyId + "/retirement", user, null, null);
    }

    private WebTestClient.ResponseSpec keys(String user, String carrier) {
        return webClient.get().uri("/carriers/{carrier}/label-keys", carrier).header("Authorization", bearer(user)).exchange();
    }

    private Map<String, String> statusesOf(String user) {
        Map<?, ?> body = keys(user, "SWP").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, String> statuses = new java.util.HashMap<>();
        for (Object key : (List<?>) body.get("keys")) {
            Map<?, ?> fields = (Map<?, ?>) key;
            statuses.put(fields.get("keyId").toString(), fields.get("status").toString());
        }
        return statuses;
    }

    private List<String> publishedKeyIds() throws java.text.ParseException {
        String jwks = webClient.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return JWKSet.parse(jwks).getKeys().stream().map(JWK::getKeyID).toList();
    }

    private String printedWaybill() {
        String id = api.post("/waybills", "sender1", null, createRequest("48094")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("waybillId").toString();
        api.post("/waybills/" + id + "/labels", "sender1", null, null).expectStatus().isOk();
        return id;
    }

    /** The QR text of the waybill's current label, from its ZPL, which carries it as text. */
    private String currentQrText(String waybill) {
        String zpl = new String(webClient.get().uri("/waybills/{id}/labels/current?format=zpl", waybill)
                .header("Authorization", bearer("sender1")).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.US_ASCII);
        Matcher qr = Pattern.compile("\\^FDQA,([^\\^]+)\\^FS").matcher(zpl);
        assertThat(qr.find()).isTrue();
        return qr.group(1);
    }

    private static String keyIdOf(String qrText) {
        Matcher keyId = KEY_ID_IN_QR.matcher(qrText);
        assertThat(keyId.find()).as("a key id in %s", qrText).isTrue();
        return keyId.group(1);
    }

    private WebTestClient.ResponseSpec verifyAs(String user, String qrText) {
        return api.post("/labels/verifications", user, null, Map.of("qrText", qrText));
    }
}
