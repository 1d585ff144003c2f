package com.exqress.command.retention;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention settings and the schedule's event processor. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionConfiguration {

    /**
     * Tracking from the start of the event stream, so the waybills delivered before the schedule existed are
     * on it too. A failing event stops the processor until it succeeds instead of being logged and skipped:
     * a waybill missing from the schedule would never be disposed of. Up to 100 events a transaction, since one
     * commit per event could not keep up with a busy event store.
     */
    @Bean
    public ConfigurerModule retentionScheduleProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(RetentionSchedule.PROCESSING_GROUP, c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                                .andBatchSize(100))
                .registerListenerInvocationErrorHandler(RetentionSchedule.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
