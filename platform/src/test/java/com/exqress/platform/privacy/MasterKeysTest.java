package com.exqress.platform.privacy;

import com.exqress.waybill.api.WaybillId;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeysTest {

    private final MasterKeys masterKeys = MasterKeys.of(new JWKSet(MasterKeys.generate("master-a")), null);

    @Test
    void aSealedSecretOpensForItsOwnPurposeOnly() {
        byte[] secret = "{\"kty\":\"EC\",\"d\":\"private\"}".getBytes(StandardCharsets.UTF_8);

        MasterKeys.Wrapped sealed = masterKeys.seal("label signing key SWPAAAA", secret);

        assertThat(sealed.masterKeyId()).isEqualTo("master-a");
        assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("private");
        assertThat(masterKeys.open("master-a", "label signing key SWPAAAA", sealed.bytes())).isEqualTo(secret);
        assertThatThrownBy(() -> masterKeys.open("master-a", "label signing key SWPBBBB", sealed.bytes()))
                .isInstanceOf(AesGcm.SealBroken.class);
    }

    @Test
    void aSecretCannotBePassedOffAsADataKeyNorOpenedWithAnotherMasterKey() {
        WaybillId waybill = new WaybillId(UUID.randomUUID());
        MasterKeys.Wrapped sealed = masterKeys.seal("exqress data key " + waybill, new byte[32]);
        MasterKeys other = MasterKeys.of(new JWKSet(List.of(MasterKeys.generate("master-b"))), null);

        assertThatThrownBy(() -> masterKeys.unwrap("master-a", waybill, sealed.bytes())).isInstanceOf(AesGcm.SealBroken.class);
        assertThatThrownBy(() -> other.open("master-a", "anything", sealed.bytes()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not hold");
        assertThat(masterKeys.unwrap("master-a", waybill, masterKeys.wrap(waybill, new SecretKeySpec(new byte[32], "AES")).bytes())
                .getEncoded()).isEqualTo(new byte[32]);
    }
}
