package com.exqress.platform.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.function.Supplier;

/**
 * A JWK set kept in a file only its owner can read: read if it exists, generated and written once if not,
 * so tokens and labels signed before a restart still verify after it, and data sealed
 * before it still opens.
 */
public final class KeptKeys {

    private static final Logger log = LoggerFactory.getLogger(KeptKeys.class);

    private KeptKeys() {
    }

    /**
     * A P-256 signing key kept in {@code keyFile} under {@code exqress.data-dir}, or, without a data directory
     * (tests), one that lives as long as this process; {@code whatEnds} says in the warning what that costs.
     */
    public static ECKey p256(Environment environment, String keyFile, String whatEnds) {
        String dataDir = environment.getProperty("exqress.data-dir");
        if (dataDir == null) {
            log.warn("{} signing key is ephemeral: {} with this process; set exqress.data-dir to keep it", keyFile, whatEnds);
            return generateP256();
        }
        return (ECKey) readOrGenerate(Path.of(dataDir).resolve(keyFile), () -> new JWKSet(generateP256())).getKeys().get(0);
    }

    public static JWKSet readOrGenerate(Path file, Supplier<JWKSet> generate) {
        try {
            if (Files.exists(file)) {
                return JWKSet.parse(Files.readString(file));
            }
            JWKSet generated = generate.get();
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated.toString(false));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            log.info("generated key {} in {}", generated.getKeys().get(0).getKeyID(), file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the keys in " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a valid JWK set", e);
        }
    }

    private static ECKey generateP256() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }
}
