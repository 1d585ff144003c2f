package com.exqress.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The pages are static files (the front-end build in {@code static/ui}, served by Spring's resource handling);
 * they hold no data, so anyone may load them, and every call they make to the API carries the user's token.
 * Their own filter chain comes before the API's, so the API's rules stay as they are.
 */
@Configuration(proxyBeanMethods = false)
public class WebPages {

    /**
     * Scripts, styles, images and connections only from this origin, no inline script or style, no plugins, no
     * framing; {@code blob:} for the label images the pages fetch with the user's token and show.
     */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' blob:",
            "media-src 'self' blob:",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private static final Resource INDEX = new ClassPathResource("static/ui/index.html");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public SecurityWebFilterChain webPagesFilterChain(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/", "/ui", "/ui/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /** {@code /} and {@code /ui/} open the page that links to the three front ends. */
    @Bean
    public RouterFunction<ServerResponse> webPagesIndex() {
        return RouterFunctions
                .route(GET("/"), request -> ServerResponse.seeOther(URI.create("/ui/")).build())
                .andRoute(GET("/ui").or(GET("/ui/")),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(INDEX));
    }
}
