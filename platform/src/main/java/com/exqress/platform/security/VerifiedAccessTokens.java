package com.exqress.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the access tokens the decoder accepted until they expire. An ES256 check costs about 0.7 ms of CPU
 * on the event loop, and a courier sends the same token with every scan for its 15 minutes; checking it once
 * took about a third of a scan's CPU. No access token is revoked before it expires (logging out revokes the
 * refresh token), so a remembered token is exactly as valid as one checked again. Only accepted tokens are
 * remembered, so forged ones cannot fill the cache; each of them is still checked in full.
 */
public final class VerifiedAccessTokens implements ReactiveJwtDecoder {

    /** About 10 MB of tokens at most: far more couriers than one instance serves within a token's lifetime. */
    static final long MAXIMUM_SIZE = 10_000;

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    public VerifiedAccessTokens(ReactiveJwtDecoder decoder) {
        this(decoder, Clock.systemUTC());
    }

    VerifiedAccessTokens(ReactiveJwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_SIZE)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> Duration.between(clock.instant(), jwt.getExpiresAt())))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = accepted.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> {
            // A token without an expiry would be remembered for ever; none is issued, but an external provider might.
            if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
                accepted.put(token, jwt);
            }
        });
    }
}
