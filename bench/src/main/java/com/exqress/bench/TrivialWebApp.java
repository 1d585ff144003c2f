package com.exqress.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.HttpHandlerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.ReactiveWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The start-up benchmark's baseline: the least a Spring Boot WebFlux service starts, Netty serving one route, with
 * only the web auto-configuration (the bench class path holds Axon, JDBC and Kafka, which would otherwise be
 * configured too). Logs {@value #READY} once it serves requests, as the standalone jar logs its own line.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
        CodecsAutoConfiguration.class, ReactiveWebServerFactoryAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
        WebFluxAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class})
public class TrivialWebApp {

    static final String READY = "Trivial WebFlux app is ready";

    @Bean
    RouterFunction<ServerResponse> hello() {
        return RouterFunctions.route().GET("/hello", request -> ServerResponse.ok().bodyValue("hello")).build();
    }

    public static void main(String[] args) {
        SpringApplication.run(TrivialWebApp.class, args);
        System.out.println(READY);
    }
}
