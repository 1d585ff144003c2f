package com.exqress.command;

import com.exqress.command.carrier.CarrierPartnerIndex;
import com.exqress.command.privacy.DataKeyShredding;
import com.exqress.waybill.CarrierPartnerships;
import com.exqress.waybill.Waybill;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the aggregates with Axon. The domain module carries no Spring annotations, so they are
 * configured here instead of through {@code @Aggregate}; their handlers receive Spring beans such as the
 * carrier network as parameters.
 */
@Configuration(proxyBeanMethods = false)
public class DomainAggregates {

    /**
     * Waybills are cached between commands ({@link CheckedCachingRepository}), so that a command does not replay the
     * waybill's whole history: with long histories that replay was a quarter of the server's CPU under scans
     * (docs/benchmarks.md). No personal data is in the cache: the aggregate keeps none.
     */
    @Bean
    public ConfigurerModule waybillAggregate(@Value("${exqress.commands.cached-waybills:4096}") long cachedWaybills) {
        Cache cache = new BoundedCache(cachedWaybills);
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Waybill.class)
                .configureRepository(c -> new CheckedCachingRepository<>(EventSourcingRepository.builder(Waybill.class)
                        .parameterResolverFactory(c.parameterResolverFactory())
                        .handlerDefinition(c.handlerDefinition(Waybill.class))
                        .repositoryProvider(c::repository)
                        .spanFactory(c.getComponent(RepositorySpanFactory.class)), c.eventStore(), cache)));
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
