package com.exqress.platform.privacy;

import com.exqress.platform.keys.KeptKeys;
import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * Finds the master keys: a JWK set wrapped by AWS KMS (production), else an inline JWK set, else a key file, else
 * (the embedded default) a key generated once and
 * kept in {@code <data dir>/keys/data-master-keys.json}. Without any of them a service refuses to start: a key
 * that died with the process would take every waybill's personal data with it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataKeyProperties.class)
public class DataKeyConfiguration {

    static final String KEY_FILE = "keys/data-master-keys.json";

    @Bean
    public MasterKeys masterKeys(DataKeyProperties properties, Environment environment) {
        try {
            return MasterKeys.of(keySet(properties, environment), properties.activeKid());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("exqress.data-keys: " + e.getMessage(), e);
        }
    }

    @Bean
    public DataKeys dataKeys(JdbcTemplate jdbc, MasterKeys masterKeys, DataKeyProperties properties) {
        return new DataKeys(jdbc, masterKeys, properties.cacheTtl());
    }

    @Bean
    public DataKeyDestructions dataKeyDestructions(DataSourceProperties dataSource, DataKeys dataKeys) {
        return new DataKeyDestructions(dataSource, dataKeys);
    }

    private static JWKSet keySet(DataKeyProperties properties, Environment environment) {
        try {
            if (properties.kmsWrapped() != null && !properties.kmsWrapped().isBlank()) {
                return JWKSet.parse(KmsWrappedMasterKeys.decrypt(properties.kmsWrapped(), properties.kmsRegion(),
                        properties.kmsEndpoint()));
            }
            if (properties.masterKeys() != null && !properties.masterKeys().isBlank()) {
                return JWKSet.parse(properties.masterKeys());
            }
            if (properties.location() != null) {
                try (InputStream in = properties.location().getInputStream()) {
                    return JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master keys of exqress.data-keys.location", e);
        } catch (ParseException e) {
            throw new IllegalStateException("the master keys of exqress.data-keys are not a valid JWK set", e);
        }
        String dataDir = environment.getProperty("exqress.data-dir");
        if (dataDir == null) {
            throw new IllegalStateException("no master key for personal data: set exqress.data-keys.kms-wrapped "
                    + "(EXQRESS_DATAKEYS_KMSWRAPPED) to a JWK set of 256-bit oct keys encrypted by AWS KMS, or "
                    + "exqress.data-keys.master-keys (EXQRESS_DATAKEYS_MASTERKEYS) or exqress.data-keys.location to "
                    + "the JWK set itself, or exqress.data-dir to keep a generated one there");
        }
        return KeptKeys.readOrGenerate(Path.of(dataDir).resolve(KEY_FILE),
                () -> new JWKSet(MasterKeys.generate("master-" + UUID.randomUUID().toString().substring(0, 8))));
    }
}
