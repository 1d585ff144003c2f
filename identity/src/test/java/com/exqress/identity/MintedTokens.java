package com.exqress.identity;

import com.exqress.waybill.api.Role;

/**
 * Access tokens for users that exist only in a test, signed by the embedded identity service as a login's
 * are. For tests that use up something kept per user, such as a courier's scan limit, and so must not use up
 * a demo user's, which other tests in the same JVM share.
 */
public final class MintedTokens {

    private final AccessTokens tokens;

    public MintedTokens(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** A courier of the carrier, posted at the hub. */
    public String courier(String username, String carrier, String hub) {
        return tokens.issue(new Account(username, "", Role.COURIER, carrier, hub, null));
    }
}
