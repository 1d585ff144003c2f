package com.exqress.command.label;

import com.exqress.label.LabelKeyRing;
import com.exqress.platform.keys.KeptKeys;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;

/**
 * Finds the label signing keys: an inline JWK set, else a key file, else (the embedded default) a key
 * generated once and kept in {@code <data dir>/keys}, else, in the embedded profile only, a key that lives
 * as long as the process. Production without configured keys refuses to start rather than print labels
 * nobody can verify tomorrow.
 */
final class LabelKeySource {

    private static final Logger log = LoggerFactory.getLogger(LabelKeySource.class);
    static final String KEY_FILE = "keys/label-signing-keys.json";

    private LabelKeySource() {
    }

    static LabelKeyRing load(LabelProperties.Keys keys, Environment environment) {
        JWKSet keySet = keySet(keys, environment);
        return LabelKeyRing.of(keySet, keys.activeKid(), keys.retiredKids());
    }

    private static JWKSet keySet(LabelProperties.Keys keys, Environment environment) {
        try {
            if (keys.jwks() != null && !keys.jwks().isBlank()) {
                return JWKSet.parse(keys.jwks());
            }
            if (keys.location() != null) {
                try (InputStream in = keys.location().getInputStream()) {
                    return JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            String dataDir = environment.getProperty("exqress.data-dir");
            if (dataDir != null) {
                return KeptKeys.readOrGenerate(Path.of(dataDir).resolve(KEY_FILE),
                        () -> new JWKSet(LabelKeyRing.generateKey(new SecureRandom())));
            }
            if (environment.acceptsProfiles(Profiles.of("embedded"))) {
                log.warn("label signing key is ephemeral: labels printed now will not verify after a restart; "
                        + "set exqress.data-dir or exqress.labels.keys.location to keep it");
                return new JWKSet(LabelKeyRing.generateKey(new SecureRandom()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the label signing keys", e);
        } catch (ParseException e) {
            throw new IllegalStateException("the label signing keys are not a valid JWK set", e);
        }
        throw new IllegalStateException("no label signing keys: set exqress.labels.keys.jwks (EXQRESS_LABELS_KEYS_JWKS) "
                + "or exqress.labels.keys.location to a JWK set of EC P-256 keys");
    }
}
