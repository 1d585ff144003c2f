package com.exqress.query.audit;

import com.exqress.embedded.SharedPostgres;
import com.exqress.query.QueryApiIntegrationTest;
import com.exqress.waybill.WaybillStory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed Merkle checkpoints over a lifecycle appended through Axon's event store, checked as an outside auditor
 * would: the signature with a JOSE library against the published JWKS, the inclusion proof with this test's own
 * reading of RFC 6962 (not the server's verifier), against the signed root and size only.
 */
class CheckpointIT extends QueryApiIntegrationTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbcTemplate;

    private final WaybillStory story = new WaybillStory(Instant.now().minus(Duration.ofHours(1)));

    @BeforeEach
    void recordWholeLife() {
        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> WaybillStory.append(eventStore, story.waybillId(), 0, story.wholeLife()));
    }

    @Test
    void anEventsInclusionVerifiesAgainstTheSignedRootUntilItsStoredHashIsRewritten() throws Exception {
        JsonNode checkpoint = json(client.post().uri("/audit/checkpoints").header("Authorization", bearer("auditor"))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        long id = checkpoint.path("id").asLong();
        assertThat(json(get("/audit/checkpoints/" + id, "platform-admin"))).isEqualTo(checkpoint);
        assertThat(json(get("/audit/checkpoints?limit=1", "auditor")).path("items").get(0)).isEqualTo(checkpoint);

        // The signed statement, not the row, is the evidence: check it against the published key.
        JWSObject jws = JWSObject.parse(checkpoint.path("signature").asText());
        String jwks = client.get().uri("/audit/checkpoints/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        ECKey key = (ECKey) JWKSet.parse(jwks).getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(jws.verify(new ECDSAVerifier(key))).isTrue();
        JsonNode signed = json(jws.getPayload().toString());
        assertThat(signed.fieldNames()).toIterable().containsExactly("first", "last", "size", "root", "createdAt");
        assertThat(signed.path("root").asText()).isEqualTo(checkpoint.path("root").asText());
        byte[] signedRoot = HEX.parseHex(signed.path("root").asText());
        int signedSize = signed.path("size").asInt();

        String eventId = eventIdentifier(3);
        JsonNode proof = json(get("/audit/checkpoints/" + id + "/proof?eventId=" + eventId, "auditor"));
        assertThat(proof.path("leaf").asText()).isEqualTo(storedChainHash(eventId));
        assertThat(proof.path("treeSize").asInt()).isEqualTo(signedSize);
        assertThat(includes(proof, signedSize, signedRoot)).isTrue();

        // A forger who rewrites the event and recomputes its chain hash cannot recompute the signed root.
        rewriteChainHash(eventId, "ab".repeat(32));
        JsonNode afterTampering = json(get("/audit/checkpoints/" + id + "/proof?eventId=" + eventId, "auditor"));
        assertThat(afterTampering.path("leaf").asText()).isEqualTo("ab".repeat(32));
        assertThat(includes(afterTampering, signedSize, signedRoot)).isFalse();
    }

    @Test
    void aCheckpointWaitsForAnAppendThatHasNotCommittedYet() throws Exception {
        WaybillStory late = new WaybillStory(Instant.now().minus(Duration.ofHours(1)));
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> appending = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    WaybillStory.append(eventStore, late.waybillId(), 0, late.wholeLife());
                    appended.countDown();
                    awaitQuietly(commit);
                }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> checkpoint = CompletableFuture.supplyAsync(() -> client.post().uri("/audit/checkpoints")
                .header("Authorization", bearer("auditor")).exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody());
        Thread.sleep(500);
        assertThat(checkpoint).isNotDone();
        commit.countDown();
        appending.get(10, TimeUnit.SECONDS);

        long id = json(checkpoint.get(10, TimeUnit.SECONDS)).path("id").asLong();
        String lastEvent = jdbcTemplate.queryForObject("SELECT event_identifier FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", String.class, late.waybillId().toString());
        get("/audit/checkpoints/" + id + "/proof?eventId=" + lastEvent, "auditor");
    }

    @Test
    void onlyAuditorsAndPlatformAdminsReadOrCreateCheckpoints() {
        for (String user : List.of("courier-swp-1", "admin-swp")) {
            client.get().uri("/audit/checkpoints").header("Authorization", bearer(user)).exchange()
                    .expectStatus().isForbidden();
            client.post().uri("/audit/checkpoints").header("Authorization", bearer(user)).exchange()
                    .expectStatus().isForbidden();
        }
    }

    @Test
    void anEventOutsideTheCheckpointHasNoProof() {
        long id = json(client.post().uri("/audit/checkpoints").header("Authorization", bearer("auditor")).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody()).path("id").asLong();
        client.get().uri("/audit/checkpoints/{id}/proof?eventId=no-such-event", id)
                .header("Authorization", bearer("auditor")).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("EVENT_NOT_IN_CHECKPOINT");
    }

    /** RFC 6962 §2.1.1, read backwards: the root the proof's leaf and audit path give a tree of {@code size}. */
    private static boolean includes(JsonNode proof, int size, byte[] signedRoot) {
        List<byte[]> path = new ArrayList<>();
        proof.path("auditPath").forEach(hash -> path.add(HEX.parseHex(hash.asText())));
        byte[] leafHash = sha256(new byte[]{0x00}, HEX.parseHex(proof.path("leaf").asText()));
        return MessageDigest.isEqual(rootFrom(leafHash, proof.path("leafIndex").asInt(), size, path), signedRoot);
    }

    /** MTH of the tree whose leaf {@code index} hashes to {@code leafHash}; null when the path has the wrong length. */
    private static byte[] rootFrom(byte[] leafHash, int index, int size, List<byte[]> path) {
        if (size == 1) {
            return path.isEmpty() ? leafHash : null;
        }
        if (path.isEmpty()) {
            return null;
        }
        int k = Integer.highestOneBit(size - 1);
        byte[] sibling = path.get(path.size() - 1);
        List<byte[]> below = path.subList(0, path.size() - 1);
        byte[] own = index < k ? rootFrom(leafHash, index, k, below) : rootFrom(leafHash, index - k, size - k, below);
        if (own == null) {
            return null;
        }
        return index < k ? sha256(new byte[]{0x01}, own, sibling) : sha256(new byte[]{0x01}, sibling, own);
    }

    private String eventIdentifier(long sequence) {
        return jdbcTemplate.queryForObject("SELECT event_identifier FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = ?", String.class, story.waybillId().toString(), sequence);
    }

    private String storedChainHash(String eventId) throws Exception {
        byte[] metaData = jdbcTemplate.queryForObject("SELECT meta_data FROM domain_event_entry WHERE event_identifier = ?",
                byte[].class, eventId);
        return JSON.readTree(metaData).path("chainHash").asText();
    }

    /** As the database owner with triggers off for this session, as anyone with superuser rights could. */
    private void rewriteChainHash(String eventId, String forged) throws Exception {
        try (Connection owner = SharedPostgres.server().ownerDataSource().getConnection()) {
            try (Statement replica = owner.createStatement()) {
                replica.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement edit = owner.prepareStatement("UPDATE domain_event_entry"
                    + " SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), ?, ?), 'UTF8')"
                    + " WHERE event_identifier = ?")) {
                edit.setString(1, storedChainHash(eventId));
                edit.setString(2, forged);
                edit.setString(3, eventId);
                assertThat(edit.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String get(String uri, String user) {
        return client.get().uri(uri).header("Authorization", bearer(user)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(part);
            }
            return sha256.digest();
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
