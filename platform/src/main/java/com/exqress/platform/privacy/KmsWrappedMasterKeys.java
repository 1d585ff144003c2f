package com.exqress.platform.privacy;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.kms.model.DecryptRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The master keys as production keeps them: a JWK set encrypted by an AWS KMS key, decrypted once at start-up with
 * the service's own AWS identity (IRSA on EKS). The plaintext set exists only in the services' memory; taking the
 * database and the configuration together still opens nothing without that KMS key.
 */
final class KmsWrappedMasterKeys {

    /** Bound into the ciphertext when it is made; KMS refuses to decrypt it for anything else. */
    static final Map<String, String> ENCRYPTION_CONTEXT = Map.of("purpose", "exqress-data-master-keys");

    private KmsWrappedMasterKeys() {
    }

    /** The JWK set in {@code ciphertextBlob}, KMS's {@code CiphertextBlob} in base64. */
    static String decrypt(String ciphertextBlob, String region, URI endpoint) {
        KmsClientBuilder builder = KmsClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        try (KmsClient kms = builder.build()) {
            return kms.decrypt(DecryptRequest.builder()
                            .ciphertextBlob(SdkBytes.fromByteArray(Base64.getDecoder().decode(ciphertextBlob.strip())))
                            .encryptionContext(ENCRYPTION_CONTEXT)
                            .build())
                    .plaintext().asString(StandardCharsets.UTF_8);
        } catch (SdkException e) {
            throw new IllegalStateException("AWS KMS did not decrypt the master keys of exqress.data-keys.kms-wrapped: "
                    + e.getMessage(), e);
        }
    }
}
