package com.exqress.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Switched on by {@code exqress.identity.embedded=true}, as the standalone default does. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "exqress.identity.embedded", havingValue = "true")
@EnableConfigurationProperties(IdentityProperties.class)
@ComponentScan
public class EmbeddedIdentity {
}
