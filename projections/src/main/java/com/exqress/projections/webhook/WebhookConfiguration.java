package com.exqress.projections.webhook;

import com.exqress.projections.relay.RelayProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.Properties;

/**
 * The webhooks' consumer of the integration events topic, in a group of its own so that every projections
 * replica shares the partitions and each record is queued by one of them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    static final String CONSUMER_GROUP = "exqress-webhooks";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);

    @Bean
    public ConcurrentMessageListenerContainer<String, String> webhookFeedContainer(
            ConsumerFactory<String, String> consumers, RelayProperties relay, WebhookFeed feed) {
        ContainerProperties container = new ContainerProperties(relay.topic());
        container.setGroupId(CONSUMER_GROUP);
        container.setMessageListener(feed);
        Properties consumer = new Properties();
        // A new group starts at the oldest record: events published before it first joined are not skipped.
        consumer.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Offsets are committed by the container, after the listener returned, never on a timer.
        consumer.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        container.setKafkaConsumerProperties(consumer);
        ConcurrentMessageListenerContainer<String, String> listener = new ConcurrentMessageListenerContainer<>(consumers, container);
        // A record that cannot be queued (the database is down) is retried, never skipped.
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY.toMillis(), 2);
        backOff.setMaxInterval(MAX_RETRY.toMillis());
        listener.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return listener;
    }
}
