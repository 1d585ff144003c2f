package com.exqress.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** With the embedded identity service, the services in this process trust exactly its tokens. */
@Configuration(proxyBeanMethods = false)
class IdentityTokenDecoder {

    @Bean
    ReactiveJwtDecoder jwtDecoder(AccessTokens tokens) {
        return tokens.decoder();
    }
}
