package com.exqress.projections.relay;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.config.TopicBuilder;

import java.time.Duration;
import java.util.Map;

/**
 * The relay's delivery guarantees: a producer that Kafka acknowledges only once every in-sync replica has the
 * record and that never writes one twice on its own retries, a topic created at start-up when missing, and a
 * processing group whose failures stop it instead of being logged and skipped. The processor itself (tracking,
 * its segments and threads) is configured in {@code exqress-relay.properties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
@PropertySource("classpath:exqress-relay.properties")
public class KafkaRelayConfiguration {

    /**
     * How long a delivery may take, retries included. Short, so that while Kafka is down the handler fails
     * within seconds and the processor backs off and retries, instead of holding its segment in a long wait.
     * With {@link #MAX_BLOCK} the handler waits at most 8 s, within the token store's 10 s claim timeout.
     */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(4);
    /** How long send() itself may wait for the topic's metadata while no broker answers. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(3);
    /** One produce request; the producer retries it within the delivery timeout. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    @Bean
    public DefaultKafkaProducerFactoryCustomizer atLeastOnceProducer() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(DELIVERY_TIMEOUT.toMillis()),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(REQUEST_TIMEOUT.toMillis())));
    }

    @Bean
    public NewTopic waybillEventsTopic(RelayProperties relay) {
        TopicBuilder topic = TopicBuilder.name(relay.topic()).partitions(relay.partitions());
        return relay.replicas() == null ? topic.build() : topic.replicas(relay.replicas()).build();
    }

    /**
     * Axon's default for event handlers logs an exception and moves on, which would drop every event published
     * while Kafka is down. Propagating it makes the processor release the segment and retry from its token, with
     * a back-off that grows from 1 s to 60 s while the failures last.
     */
    @Bean
    public ConfigurerModule relayRetriesUntilKafkaHasTheEvent() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                WaybillEventRelay.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
