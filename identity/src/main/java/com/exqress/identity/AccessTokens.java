package com.exqress.identity;

import com.exqress.platform.keys.KeptKeys;
import com.exqress.platform.security.AccessTokenValidators;
import com.exqress.platform.security.JwtActorResolver;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Issues the short-lived ES256 access tokens of the embedded identity service, and checks them for every
 * service in the same process. The signing key is kept in {@code <data dir>/keys} so tokens survive a
 * restart; without a data directory it lives as long as the process.
 */
@Component
public class AccessTokens {

    static final String KEY_FILE = "keys/identity-signing-keys.json";

    private final ECKey key;
    private final ECDSASigner signer;
    private final IdentityProperties properties;
    private final Clock clock;

    public AccessTokens(IdentityProperties properties, Environment environment, Clock clock) throws JOSEException {
        this.properties = properties;
        this.clock = clock;
        this.key = KeptKeys.p256(environment, KEY_FILE, "logins end");
        this.signer = new ECDSASigner(key);
    }

    /** A signed access token for the account, valid for the configured time. */
    String issue(Account account) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(properties.audience())
                .subject(account.username())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .claim(JwtActorResolver.ROLE, account.role().name())
                .claim(JwtActorResolver.CARRIER, account.carrier())
                .claim(JwtActorResolver.HUB, account.hub())
                .build();
        return sign(claims).serialize();
    }

    SignedJWT sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt;
    }

    long lifetimeSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** Accepts only ES256 tokens signed by this service's key, for this audience, from this issuer, unexpired. */
    ReactiveJwtDecoder decoder() {
        JWKSet published = publicKeys();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Flux.fromIterable(published.getKeys()))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(AccessTokenValidators.of(properties.issuer(), properties.audience()));
        return decoder;
    }
}
