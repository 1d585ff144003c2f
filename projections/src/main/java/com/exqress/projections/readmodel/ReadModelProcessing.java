package com.exqress.projections.readmodel;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One tracking processor per copy of the parcel read model, each over several segments claimed through
 * {@code token_entry}, so projections replicas share the work. A tracking processor thread serves one
 * segment, so each replica runs as many threads as there are segments and can carry all of them alone;
 * with more replicas, segments move to whoever is free. The processors do not start with Axon:
 * {@link ParcelRebuilds} runs the serving copy's processor, and the other one only while it is rebuilt. A
 * failing event stops its segment until it succeeds, instead of being logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelProcessing {

    @Bean
    public ConfigurerModule parcelProjections(NamedParameterJdbcTemplate jdbc, ServingCopy serving,
                                              @Value("${exqress.projections.segments:2}") int segments,
                                              @Value("${exqress.projections.batch-size:100}") int batchSize) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (ReadModelColor color : ReadModelColor.values()) {
                ParcelProjection projection = new ParcelProjection(new ParcelRows(jdbc, color), () -> serving.is(color));
                processing.registerEventHandler(c -> projection)
                        .assignHandlerInstancesMatching(color.processorName(), candidate -> candidate == projection)
                        .registerTrackingEventProcessor(color.processorName(), c -> c.eventStore(),
                                c -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                                        .andInitialSegmentsCount(segments)
                                        .andBatchSize(batchSize)
                                        .andAutoStart(false))
                        .registerListenerInvocationErrorHandler(color.processorName(),
                                c -> PropagatingErrorHandler.instance());
            }
        };
    }
}
