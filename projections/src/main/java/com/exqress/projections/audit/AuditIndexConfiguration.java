package com.exqress.projections.audit;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The audit index's processing group: a tracking processor (in {@code exqress-audit-index.properties}) whose
 * failures stop it instead of being logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:exqress-audit-index.properties")
public class AuditIndexConfiguration {

    /**
     * Axon's default logs a handler's exception and moves on, which would leave a hole in the index that no
     * search reveals. Propagating it makes the processor retry from its token until the row is written.
     */
    @Bean
    public ConfigurerModule auditIndexRetriesUntilTheRowIsWritten() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                AuditIndex.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
