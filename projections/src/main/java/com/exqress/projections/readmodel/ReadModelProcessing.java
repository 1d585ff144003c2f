package com.exqress.projections.readmodel;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * How the read models are processed: a pooled streaming processor over several segments (its settings in
 * {@code exqress-projections.properties}), so that projections replicas share the work, and a failing
 * event stops its segment until it succeeds instead of being logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:exqress-projections.properties")
public class ReadModelProcessing {

    @Bean
    public ConfigurerModule parcelProjectionRetriesFailures() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                ParcelProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
