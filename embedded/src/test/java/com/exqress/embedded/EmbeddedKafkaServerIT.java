package com.exqress.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-process broker takes records, goes away with its log directory, and comes back on the same port. */
class EmbeddedKafkaServerIT {

    @Test
    void restartsOnTheSamePortEmptyAndLeavesNoLogDirectoryBehind() throws Exception {
        int port = freePort();
        Path firstLogs;
        try (EmbeddedKafkaServer broker = EmbeddedKafkaServer.start(port)) {
            firstLogs = broker.logDirectory();
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
            assertThat(broker.springProperties()).containsEntry("spring.kafka.bootstrap-servers", "localhost:" + port);
            createTopic(broker, "first");
            send(broker, "first");
        }
        assertThat(firstLogs).doesNotExist();

        try (EmbeddedKafkaServer broker = EmbeddedKafkaServer.start(port)) {
            assertThat(broker.port()).isEqualTo(port);
            assertThat(topics(broker)).doesNotContain("first");
            createTopic(broker, "second");
            send(broker, "second");
        }
    }

    private static void createTopic(EmbeddedKafkaServer broker, String topic) throws Exception {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
    }

    private static Set<String> topics(EmbeddedKafkaServer broker) throws Exception {
        try (Admin admin = admin(broker)) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    private static void send(EmbeddedKafkaServer broker, String topic) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThat(producer.send(new ProducerRecord<>(topic, "key", "value")).get(10, TimeUnit.SECONDS).offset()).isZero();
        }
    }

    private static Admin admin(EmbeddedKafkaServer broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
