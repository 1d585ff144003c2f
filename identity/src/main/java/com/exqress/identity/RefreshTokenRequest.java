package com.exqress.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/refresh} and {@code POST /auth/logout}, named as in RFC 6749. */
record RefreshTokenRequest(@JsonProperty("refresh_token") @NotBlank(message = "is required")
                           @Size(max = 100, message = "is not a refresh token") String refreshToken) {

    @Override
    public String toString() {
        return "RefreshTokenRequest[…]";
    }
}
