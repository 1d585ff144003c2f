package com.exqress.platform.security;

import com.exqress.embedded.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedAccessTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
    /** Stands in for the signature check: accepts tokens named "good-…", valid for 15 minutes from now. */
    private final List<String> checked = new ArrayList<>();
    private final ReactiveJwtDecoder signatureCheck = token -> {
        checked.add(token);
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("signature does not verify"));
        }
        Instant now = clock.instant();
        return Mono.just(Jwt.withTokenValue(token).header("alg", "ES256").subject(token)
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(15))).build());
    };
    private final VerifiedAccessTokens tokens = new VerifiedAccessTokens(signatureCheck, clock);

    @Test
    void checksAnAcceptedTokenOnceUntilItExpires() {
        assertThat(tokens.decode("good-courier").block().getSubject()).isEqualTo("good-courier");
        clock.advance(Duration.ofMinutes(14));
        assertThat(tokens.decode("good-courier").block().getSubject()).isEqualTo("good-courier");
        assertThat(checked).containsExactly("good-courier");

        clock.advance(Duration.ofMinutes(1));
        tokens.decode("good-courier").block();
        assertThat(checked).as("an expired token is checked again, and the decoder rejects it then")
                .containsExactly("good-courier", "good-courier");
    }

    @Test
    void checksARejectedTokenEveryTime() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(checked).containsExactly("forged", "forged", "forged");
    }

    @Test
    void remembersEachTokenApart() {
        tokens.decode("good-one").block();
        tokens.decode("good-two").block();
        tokens.decode("good-one").block();
        assertThat(checked).containsExactly("good-one", "good-two");
    }
}
