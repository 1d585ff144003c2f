package com.exqress.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * The shared wiring of every Exqress service: event store, problem responses, acting-user seam,
 * carrier network. Defaults come from {@code exqress-platform.properties}; a service's own
 * {@code application.yml} overrides them.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@PropertySource("classpath:exqress-platform.properties")
public class ExqressPlatform {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** For everything that must not be guessed: ids, tracking numbers, label references, tokens. */
    @Bean
    public SecureRandom secureRandom() {
        return new SecureRandom();
    }

    /**
     * Axon's update checker phones home at start-up (and fails offline), and its console banner
     * advertises a product we do not use. Both read system properties, not Spring ones, so they are
     * set before the application starts.
     */
    public static void quietAxon() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
