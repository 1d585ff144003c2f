package com.exqress.projections.relay;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class KafkaHealthIndicatorTest {

    /** Port 1 on this host: nothing listens there, so no broker ever answers. */
    @Test
    void isDownWithinItsBoundWhenNoBrokerAnswers() throws Exception {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(new KafkaAdmin(Map.of("bootstrap.servers", "127.0.0.1:1")));
        try {
            Health health = assertTimeoutPreemptively(Duration.ofSeconds(4), indicator::health);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        } finally {
            indicator.destroy();
        }
    }
}
