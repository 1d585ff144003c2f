package com.exqress.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code exqress.identity.*}.
 *
 * @param datasource      the identity database, separate from the event store and the read models
 * @param issuer          the {@code iss} of the access tokens it issues
 * @param audience        the {@code aud} of the access tokens, which every service requires
 * @param accessTokenTtl  short, because an access token cannot be revoked
 * @param refreshTokenTtl how long a login lasts without being used
 */
@ConfigurationProperties("exqress.identity")
public record IdentityProperties(Datasource datasource,
                                 @DefaultValue("urn:exqress:identity") String issuer,
                                 @DefaultValue("exqress") String audience,
                                 @DefaultValue("15m") Duration accessTokenTtl,
                                 @DefaultValue("30d") Duration refreshTokenTtl) {

    public record Datasource(String url, String username, String password) {
    }
}
