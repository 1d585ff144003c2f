package com.exqress.command.label;

import com.exqress.label.LabelKeyRing;
import com.exqress.platform.keys.KeptKeys;
import com.exqress.waybill.api.CarrierId;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds each carrier's label signing keys: an inline JWK set, else a key file, else (the embedded default)
 * a key generated once and kept in {@code <data dir>/keys/labels/<carrier>.json}, else, in the embedded
 * profile only, a key that lives as long as the process. Production without configured keys for a carrier
 * refuses to start rather than print labels nobody can verify tomorrow.
 */
final class LabelKeySource {

    private static final Logger log = LoggerFactory.getLogger(LabelKeySource.class);
    private static final String KEY_DIRECTORY = "keys/labels";

    private LabelKeySource() {
    }

    static ConfiguredLabelKeys load(LabelProperties properties, Collection<CarrierId> carriers, Environment environment) {
        refuseKeysOfUnknownCarriers(properties, carriers);
        Map<CarrierId, ConfiguredLabelKeys.CarrierKeys> configured = new HashMap<>();
        for (CarrierId carrier : carriers) {
            LabelProperties.Keys keys = properties.keysOf(carrier);
            configured.put(carrier, new ConfiguredLabelKeys.CarrierKeys(keySet(carrier, keys, environment),
                    keys.activeKid(), keys.retiredKids()));
        }
        return new ConfiguredLabelKeys(configured);
    }

    /** A misspelt carrier code would otherwise leave its keys unused without a word. */
    private static void refuseKeysOfUnknownCarriers(LabelProperties properties, Collection<CarrierId> carriers) {
        for (String code : properties.carriers().keySet()) {
            if (carriers.stream().noneMatch(carrier -> carrier.code().equalsIgnoreCase(code))) {
                throw new IllegalStateException("exqress.labels.carriers." + code + " names no carrier on the platform");
            }
        }
    }

    private static JWKSet keySet(CarrierId carrier, LabelProperties.Keys keys, Environment environment) {
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
                return KeptKeys.readOrGenerate(keyFile(Path.of(dataDir), carrier),
                        () -> new JWKSet(LabelKeyRing.generateKey(carrier, new SecureRandom())));
            }
            if (environment.acceptsProfiles(Profiles.of("embedded"))) {
                log.warn("label signing key of carrier {} is ephemeral: its labels printed now will not verify after a "
                        + "restart; set exqress.data-dir or exqress.labels.carriers.{}.location to keep it", carrier, carrier);
                return new JWKSet(LabelKeyRing.generateKey(carrier, new SecureRandom()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the label signing keys of carrier " + carrier, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the label signing keys of carrier " + carrier + " are not a valid JWK set", e);
        }
        throw new IllegalStateException("no label signing keys for carrier " + carrier + ": set exqress.labels.carriers."
                + carrier + ".jwks (EXQRESS_LABELS_CARRIERS_" + carrier + "_JWKS) or exqress.labels.carriers." + carrier
                + ".location to a JWK set of EC P-256 keys");
    }

    /** Where the embedded default keeps a carrier's generated keys. */
    static Path keyFile(Path dataDir, CarrierId carrier) {
        return dataDir.resolve(KEY_DIRECTORY).resolve(carrier.code() + ".json");
    }
}
