package com.exqress.projections.relay;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * On EKS, projections signs in to Amazon MSK (SASL mechanism AWS_MSK_IAM) and to KMS with its IRSA role. Neither can
 * be tried here without AWS, so this checks what they need on the class path: MSK's login module, and an STS client
 * built the way the SDK's web-identity credentials build theirs (no HTTP client given), which needs the sts module and
 * an HTTP client the SDK finds by itself.
 */
class AwsSignInTest {

    @Test
    void mskIamLoginModuleIsOnTheClassPath() {
        assertThatCode(() -> {
            Class.forName("software.amazon.msk.auth.iam.IAMLoginModule");
            Class.forName("software.amazon.msk.auth.iam.IAMClientCallbackHandler");
        }).doesNotThrowAnyException();
    }

    @Test
    void stsClientBuildsWithTheHttpClientTheSdkFinds() {
        assertThatCode(() -> {
            try (StsClient sts = StsClient.builder().region(Region.EU_CENTRAL_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
                sts.serviceClientConfiguration();
            }
        }).doesNotThrowAnyException();
    }
}
