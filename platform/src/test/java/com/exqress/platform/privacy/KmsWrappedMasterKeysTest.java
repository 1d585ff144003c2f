package com.exqress.platform.privacy;

import com.exqress.waybill.api.WaybillId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The master keys read through AWS KMS, with the real AWS SDK (request signing, JSON protocol, error mapping) against
 * a stand-in for KMS's {@code Decrypt} on this machine, which has no access to AWS. The stand-in seals with AES-GCM
 * and binds the encryption context as KMS does, so a blob made for another purpose does not decrypt.
 */
class KmsWrappedMasterKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ARN = "arn:aws:kms:eu-central-1:123456789012:key/0e7b5c9a-test";

    private static HttpServer kms;
    private static SecretKey kmsKey;
    private static final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startKms() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        kmsKey = generator.generateKey();
        kms = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kms.createContext("/", KmsWrappedMasterKeysTest::decrypt);
        kms.start();
        System.setProperty("aws.accessKeyId", "AKIDEXQRESSTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
    }

    @AfterAll
    static void stopKms() {
        kms.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void masterKeysWrappedByKmsOpenAtStartUpAndWrapDataKeys() throws Exception {
        JWKSet keySet = new JWKSet(MasterKeys.generate("kms-held"));
        String blob = kmsEncrypt(keySet.toString(false), KmsWrappedMasterKeys.ENCRYPTION_CONTEXT);

        MasterKeys masterKeys = new DataKeyConfiguration().masterKeys(properties(blob), new MockEnvironment());

        WaybillId waybillId = WaybillId.random();
        SecretKey dataKey = KeyGenerator.getInstance("AES").generateKey();
        MasterKeys.Wrapped wrapped = masterKeys.wrap(waybillId, dataKey);
        assertThat(wrapped.masterKeyId()).isEqualTo("kms-held");
        assertThat(MasterKeys.of(keySet, null).unwrap("kms-held", waybillId, wrapped.bytes()).getEncoded())
                .isEqualTo(dataKey.getEncoded());
        Map<String, String> request = requests.get(requests.size() - 1);
        assertThat(request.get("target")).isEqualTo("TrentService.Decrypt");
        assertThat(request.get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXQRESSTEST/")
                .contains("/eu-central-1/kms/aws4_request");
    }

    @Test
    void aBlobMadeForAnotherPurposeDoesNotDecryptAndTheServiceDoesNotStart() throws Exception {
        String blob = kmsEncrypt(new JWKSet(MasterKeys.generate("elsewhere")).toString(false),
                Map.of("purpose", "something-else"));

        assertThatThrownBy(() -> new DataKeyConfiguration().masterKeys(properties(blob), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS KMS did not decrypt the master keys");
    }

    private static DataKeyProperties properties(String blob) {
        return new DataKeyProperties(blob, "eu-central-1", URI.create("http://127.0.0.1:" + kms.getAddress().getPort()),
                null, null, null, Duration.ofSeconds(30));
    }

    /** As {@code aws kms encrypt --encryption-context …} would, for this stand-in's key. */
    private static String kmsEncrypt(String plaintext, Map<String, String> context) throws IOException {
        byte[] sealed = AesGcm.seal(kmsKey, JSON.writeValueAsBytes(new TreeMap<>(context)),
                plaintext.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(sealed);
    }

    private static void decrypt(HttpExchange exchange) throws IOException {
        requests.add(Map.of("target", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
                "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        Map<String, String> context = new TreeMap<>(JSON.convertValue(request.path("EncryptionContext"), Map.class));
        byte[] blob = Base64.getDecoder().decode(request.path("CiphertextBlob").asText());
        int status;
        Map<String, String> body;
        try {
            byte[] plaintext = AesGcm.open(kmsKey, JSON.writeValueAsBytes(context), blob);
            status = 200;
            body = Map.of("KeyId", KEY_ARN, "Plaintext", Base64.getEncoder().encodeToString(plaintext),
                    "EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        } catch (AesGcm.SealBroken e) {
            status = 400;
            body = Map.of("__type", "InvalidCiphertextException", "message", "the ciphertext does not decrypt here");
        }
        byte[] response = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, response.length);
        exchange.getResponseBody().write(response);
        exchange.close();
    }
}
