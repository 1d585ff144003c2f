package com.exqress.command.label;

import com.exqress.label.LabelKeyRing;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where label signing keys come from, in each kind of deployment. */
class LabelKeySourceTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataDir;

    @Test
    void inlineKeysWinAndTheNamedKeySigns() {
        ECKey old = LabelKeyRing.generateKey(RANDOM);
        ECKey current = LabelKeyRing.generateKey(RANDOM);
        String jwks = new JWKSet(List.of(current, old)).toString(false);

        LabelKeyRing ring = LabelKeySource.load(keys(jwks, null, old.getKeyID(), Set.of()), new MockEnvironment());

        assertThat(ring.activeKeyId()).isEqualTo(old.getKeyID());
    }

    @Test
    void keysComeFromAFileAndRetiredOnesAreNotPublished() throws Exception {
        ECKey old = LabelKeyRing.generateKey(RANDOM);
        ECKey current = LabelKeyRing.generateKey(RANDOM);
        Path file = dataDir.resolve("keys.json");
        Files.writeString(file, new JWKSet(List.of(old, current)).toString(false));

        LabelKeyRing ring = LabelKeySource.load(keys(null, new FileSystemResource(file), null, Set.of(old.getKeyID())),
                new MockEnvironment());

        assertThat(ring.activeKeyId()).isEqualTo(current.getKeyID());
        assertThat(ring.publicKeys().getKeys()).extracting(key -> key.getKeyID()).containsExactly(current.getKeyID());
    }

    @Test
    void theEmbeddedDefaultGeneratesItsKeyOnceAndKeepsIt() {
        MockEnvironment environment = new MockEnvironment().withProperty("exqress.data-dir", dataDir.toString());

        String first = LabelKeySource.load(keys(null, null, null, Set.of()), environment).activeKeyId();
        String second = LabelKeySource.load(keys(null, null, null, Set.of()), environment).activeKeyId();

        assertThat(second).isEqualTo(first);
        assertThat(dataDir.resolve(LabelKeySource.KEY_FILE)).exists();
    }

    @Test
    void theEmbeddedProfileWithoutADataDirectoryUsesAKeyForThisProcessOnly() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("embedded");

        assertThat(LabelKeySource.load(keys(null, null, null, Set.of()), environment).activeKeyId()).startsWith("K");
    }

    @Test
    void productionWithoutKeysRefusesToStart() {
        assertThatThrownBy(() -> LabelKeySource.load(keys(null, null, null, Set.of()), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EXQRESS_LABELS_KEYS_JWKS");
    }

    @Test
    void publicKeysAloneCannotSign() {
        String publicOnly = new JWKSet(LabelKeyRing.generateKey(RANDOM).toPublicJWK()).toString();

        assertThatThrownBy(() -> LabelKeySource.load(keys(publicOnly, null, null, Set.of()), new MockEnvironment()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LabelProperties.Keys keys(String jwks, org.springframework.core.io.Resource location, String activeKid,
                                             Set<String> retired) {
        return new LabelProperties.Keys(jwks, location, activeKid, retired);
    }
}
