package com.exqress.platform.keys;

import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * so tokens and labels signed before a restart still verify after it.
 */
public final class KeptKeys {

    private static final Logger log = LoggerFactory.getLogger(KeptKeys.class);

    private KeptKeys() {
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
            log.info("generated signing key {} in {}", generated.getKeys().get(0).getKeyID(), file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the keys in " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a valid JWK set", e);
        }
    }
}
