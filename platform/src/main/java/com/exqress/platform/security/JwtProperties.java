package com.exqress.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Set;

/**
 * {@code exqress.security.jwt.*}: which access tokens to trust when the embedded identity service is not
 * in use. Give the provider's {@code issuer-uri} (its JWKS is discovered) or a {@code jwk-set-uri} and the
 * {@code issuer}; tokens must name {@code audience} and be signed with one of {@code algorithms}.
 */
@ConfigurationProperties("exqress.security.jwt")
public record JwtProperties(String issuerUri, String jwkSetUri, String issuer,
                            @DefaultValue("exqress") String audience,
                            @DefaultValue({"RS256", "ES256"}) Set<String> algorithms) {
}
