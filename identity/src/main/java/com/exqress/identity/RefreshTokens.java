package com.exqress.identity;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes. Every refresh uses its token up and issues the next
 * one of the same family; a used token presented again means two parties hold it, so the whole family is
 * revoked and both must log in again.
 */
@Component
class RefreshTokens {

    private final IdentityDatabase database;
    private final IdentityProperties properties;
    private final SecureRandom random;
    private final Clock clock;

    RefreshTokens(IdentityDatabase database, IdentityProperties properties, SecureRandom random, Clock clock) {
        this.database = database;
        this.properties = properties;
        this.random = random;
        this.clock = clock;
    }

    /** The outcome of presenting a refresh token. */
    sealed interface Rotation permits Rotated, Reused, Invalid {
    }

    record Rotated(String username, String refreshToken) implements Rotation {
    }

    /** The token was used before: its family is now revoked. */
    record Reused() implements Rotation {
    }

    /** Unknown, expired or revoked. */
    record Invalid() implements Rotation {
    }

    /** The first token of a new family, at login. */
    String startFamily(String username) {
        return issue(username, UUID.randomUUID());
    }

    Rotation rotate(String presented) {
        return database.transaction().execute(status -> {
            List<StoredToken> found = database.jdbc().query("""
                            SELECT family_id, username, expires_at, used_at, revoked_at FROM refresh_token
                            WHERE token_hash = ? FOR UPDATE
                            """, (row, n) -> new StoredToken(row.getObject("family_id", UUID.class), row.getString("username"),
                            row.getTimestamp("expires_at").toInstant(), row.getTimestamp("used_at") != null,
                            row.getTimestamp("revoked_at") != null),
                    hash(presented));
            if (found.isEmpty() || found.get(0).revoked() || found.get(0).expiresAt().isBefore(clock.instant())) {
                return new Invalid();
            }
            StoredToken token = found.get(0);
            if (token.used()) {
                revokeFamily(token.familyId());
                return new Reused();
            }
            database.jdbc().update("UPDATE refresh_token SET used_at = ? WHERE token_hash = ?",
                    Timestamp.from(clock.instant()), hash(presented));
            return new Rotated(token.username(), issue(token.username(), token.familyId()));
        });
    }

    /** Logout: the token's whole family stops working. Unknown tokens are ignored. */
    void revokeFamilyOf(String presented) {
        database.jdbc().update("""
                UPDATE refresh_token SET revoked_at = ? WHERE revoked_at IS NULL
                AND family_id = (SELECT family_id FROM refresh_token WHERE token_hash = ?)
                """, Timestamp.from(clock.instant()), hash(presented));
    }

    private void revokeFamily(UUID familyId) {
        database.jdbc().update("UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), familyId);
    }

    private String issue(String username, UUID familyId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        database.jdbc().update("""
                        INSERT INTO refresh_token (token_hash, family_id, username, issued_at, expires_at)
                        VALUES (?, ?, ?, ?, ?)
                        """, hash(token), familyId, username, Timestamp.from(now),
                Timestamp.from(now.plus(properties.refreshTokenTtl())));
        return token;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private record StoredToken(UUID familyId, String username, Instant expiresAt, boolean used, boolean revoked) {
    }
}
