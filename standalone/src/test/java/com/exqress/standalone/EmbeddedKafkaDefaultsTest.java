package com.exqress.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** With an external Kafka configured, the embedded default starts no broker. */
class EmbeddedKafkaDefaultsTest {

    @Test
    void startsNoBrokerWhenBootstrapServersAreConfigured() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("external",
                Map.of("spring.kafka.bootstrap-servers", "b-1.msk.internal:9094")));
        SpringApplication application = new SpringApplication(ExqressApplication.class);

        new EmbeddedKafkaDefaults(Supplier::get).postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("b-1.msk.internal:9094");
        assertThat(environment.getPropertySources().contains(EmbeddedKafkaDefaults.PROPERTY_SOURCE)).isFalse();
        assertThat(application.getListeners()).noneMatch(StopOnShutdown.class::isInstance);
    }
}
