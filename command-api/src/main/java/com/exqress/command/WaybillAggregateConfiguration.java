package com.exqress.command;

import com.exqress.waybill.Waybill;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the Waybill aggregate with Axon. The domain module carries no Spring annotations, so the
 * aggregate is configured here instead of through {@code @Aggregate}; its handlers receive Spring
 * beans such as the carrier network as parameters.
 */
@Configuration(proxyBeanMethods = false)
public class WaybillAggregateConfiguration {

    @Bean
    public ConfigurerModule waybillAggregate() {
        return configurer -> configurer.configureAggregate(Waybill.class);
    }
}
