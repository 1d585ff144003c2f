package com.exqress.platform.security;

import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/**
 * Every endpoint needs a valid access token except logging in, the published keys, the health probe, the
 * metrics scrape and the API documentation (whose paths exist only where springdoc.api-docs.enabled is true).
 * Failures are problem responses like every other error; no session, no cookie, no CSRF token, because
 * clients send a bearer token with each request.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    @Bean
    public SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                                      ProblemResponses problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> problems.handle(exchange,
                ApiProblem.unauthenticated("send a valid access token: Authorization: Bearer <token from POST /auth/login>"));
        ServerAccessDeniedHandler denied = (exchange, failure) -> problems.handle(exchange,
                ApiProblem.forbidden("this token does not allow that"));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/auth/login", "/auth/refresh", "/auth/logout", "/auth/jwks.json",
                                "/.well-known/jwks.json", "/audit/checkpoints/jwks.json", "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                // Counts and timings only, never personal data; Prometheus scrapes it inside the cluster.
                                "/actuator/prometheus").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(new VerifiedAccessTokens(jwtDecoder)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }
}
