package com.exqress.command;

import com.exqress.command.carrier.CarrierPartnerIndex;
import com.exqress.command.privacy.DataKeyShredding;
import com.exqress.waybill.CarrierPartnerships;
import com.exqress.waybill.Waybill;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the aggregates with Axon. The domain module carries no Spring annotations, so they are
 * configured here instead of through {@code @Aggregate}; their handlers receive Spring beans such as the
 * carrier network as parameters.
 */
@Configuration(proxyBeanMethods = false)
public class DomainAggregates {

    @Bean
    public ConfigurerModule waybillAggregate() {
        return configurer -> configurer.configureAggregate(Waybill.class);
    }

    @Bean
    public ConfigurerModule carrierPartnershipsAggregate() {
        return configurer -> configurer.configureAggregate(CarrierPartnerships.class);
    }

    /**
     * Subscribing, so the partnership index row commits with the event that changes it, and a data key is
     * destroyed with the disposal that destroys it.
     */
    @Bean
    public ConfigurerModule subscribingProcessors() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(CarrierPartnerIndex.PROCESSING_GROUP)
                .registerSubscribingEventProcessor(DataKeyShredding.PROCESSING_GROUP);
    }
}
