package com.exqress.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The token response of RFC 6749 section 5.1. */
record TokenResponse(@JsonProperty("access_token") String accessToken,
                     @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn,
                     @JsonProperty("refresh_token") String refreshToken) {
}
