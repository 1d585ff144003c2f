package com.exqress.projections.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void isTheHexHmacSha256OfTimestampDotBodyKeyedWithTheSecretsText() {
        // Computed independently: python3 -c 'import hmac,hashlib; print(hmac.new(b"whsec-example",
        //   b"1795424400.{\"schemaVersion\":1}", hashlib.sha256).hexdigest())'
        assertThat(WebhookSignature.of("whsec-example", "1795424400", "{\"schemaVersion\":1}"))
                .isEqualTo("v1=300f398e905a991e1d063b3982630e7e243f506f39e49e683d527a79a3c01ee3");
    }
}
