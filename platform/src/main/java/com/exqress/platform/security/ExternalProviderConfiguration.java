package com.exqress.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;

/**
 * Access tokens from an external OIDC provider (Keycloak, Cognito, …), used whenever the embedded identity
 * service is not. Only the configured asymmetric algorithms are accepted, which rules out {@code none} and
 * the HMAC-with-the-public-key confusion.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "exqress.identity.embedded", havingValue = "false", matchIfMissing = true)
@EnableConfigurationProperties(JwtProperties.class)
public class ExternalProviderConfiguration {

    @Bean
    public ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        NimbusReactiveJwtDecoder decoder;
        String issuer = properties.issuer();
        if (properties.jwkSetUri() != null) {
            NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder =
                    NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri());
            properties.algorithms().forEach(algorithm -> builder.jwsAlgorithm(SignatureAlgorithm.from(asymmetric(algorithm))));
            decoder = builder.build();
        } else if (properties.issuerUri() != null) {
            decoder = (NimbusReactiveJwtDecoder) ReactiveJwtDecoders.fromIssuerLocation(properties.issuerUri());
            issuer = issuer != null ? issuer : properties.issuerUri();
        } else {
            throw new IllegalStateException("no access-token issuer configured: set EXQRESS_SECURITY_JWT_ISSUER_URI "
                    + "(or EXQRESS_SECURITY_JWT_JWK_SET_URI and EXQRESS_SECURITY_JWT_ISSUER), or run the embedded identity "
                    + "service with exqress.identity.embedded=true");
        }
        if (issuer == null) {
            throw new IllegalStateException("set EXQRESS_SECURITY_JWT_ISSUER: tokens from any issuer must not be trusted");
        }
        decoder.setJwtValidator(AccessTokenValidators.of(issuer, properties.audience()));
        return decoder;
    }

    private static String asymmetric(String algorithm) {
        JWSAlgorithm parsed = JWSAlgorithm.parse(algorithm);
        if (JWSAlgorithm.Family.HMAC_SHA.contains(parsed) || algorithm.equalsIgnoreCase("none")) {
            throw new IllegalStateException("access tokens must be signed asymmetrically, not with " + algorithm);
        }
        return parsed.getName();
    }
}
