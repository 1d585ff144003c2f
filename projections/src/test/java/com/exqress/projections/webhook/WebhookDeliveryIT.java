package com.exqress.projections.webhook;

import com.exqress.embedded.SharedKafka;
import com.exqress.projections.ProjectionsIntegrationTest;
import com.exqress.waybill.WaybillStory;
import com.exqress.projections.relay.RelayProperties;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.WaybillEvent;
import com.exqress.waybill.api.WaybillId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end on the shared PostgreSQL and Kafka broker: events appended to the event store, published by
 * the relay, queued by the webhooks' consumer and posted to real HTTP receivers on localhost. The test context
 * disables a webhook after 4 failures and retries after 0.2 s, then 0.4 s, 0.8 s, … (each with jitter).
 */
class WebhookDeliveryIT extends ProjectionsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CarrierId SWP = WaybillStory.SWP;
    private static final CarrierId NRT = new CarrierId("NRT");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static Admin kafkaAdmin;

    @Autowired
    WebhookRegistry registry;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    RelayProperties relay;
    @Autowired
    MeterRegistry meters;

    private final List<Receiver> receivers = new ArrayList<>();
    private final Map<UUID, CarrierId> registered = new HashMap<>();

    @BeforeAll
    static void connectToKafka() {
        kafkaAdmin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.server().bootstrapServers()));
    }

    @AfterAll
    static void disconnectFromKafka() {
        kafkaAdmin.close();
    }

    /** Later tests in this JVM publish events of SWP too; they must find no webhook of this test left behind. */
    @AfterEach
    void deleteWebhooksAndStopReceivers() {
        registered.forEach((id, carrier) -> registry.delete(carrier, id));
        receivers.forEach(Receiver::close);
    }

    @Test
    void aCarriersWebhookGetsEachEventOfItsParcelsOnceSignedAndWithoutPersonalData() throws Exception {
        Receiver swpReceiver = receiver();
        Receiver nrtReceiver = receiver();
        NewWebhook swpWebhook = register(SWP, swpReceiver);
        NewWebhook nrtWebhook = register(NRT, nrtReceiver);
        WaybillStory story = new WaybillStory(Instant.parse("2026-11-25T09:00:00Z"));
        List<WaybillEvent> events = story.wholeLife();

        append(story, 0, events);

        String waybillId = story.waybillId().toString();
        await().atMost(PATIENCE).until(() -> swpReceiver.requestsAbout(waybillId).size() >= events.size()
                && webhook(SWP, swpWebhook.id()).pendingDeliveries() == 0);
        List<Receiver.Request> requests = swpReceiver.requestsAbout(waybillId);
        List<JsonNode> bodies = new ArrayList<>();
        for (Receiver.Request request : requests) {
            bodies.add(JSON.readTree(request.body()));
        }
        assertThat(bodies).map(body -> body.get("eventId").asText())
                .containsExactlyInAnyOrderElementsOf(storedEventIds(story.waybillId()));
        assertThat(bodies).map(body -> body.get("sequence").asLong()).doesNotHaveDuplicates().hasSize(events.size());
        assertThat(bodies).allSatisfy(body -> assertThat(body.get("carrier").asText()).isEqualTo("SWP"));
        long now = Instant.now().getEpochSecond();
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.eventId()).isEqualTo(JSON.readTree(request.body()).get("eventId").asText());
            assertThat(Long.parseLong(request.timestamp())).isBetween(now - 60, now + 1);
            assertThat(request.signature()).isEqualTo(signature(swpWebhook.secret(), request.timestamp(), request.body()));
            assertThat(request.body()).doesNotContain(WaybillStory.PERSONAL);
        });
        Webhook swp = webhook(SWP, swpWebhook.id());
        assertThat(swp.status()).isEqualTo(WebhookStatus.ACTIVE);
        assertThat(swp.consecutiveFailures()).isZero();
        assertThat(swp.lastDeliveredAt()).isNotNull();
        assertThat(nrtReceiver.requests()).isEmpty();
        Webhook nrt = webhook(NRT, nrtWebhook.id());
        assertThat(nrt.pendingDeliveries()).isZero();
        assertThat(nrt.lastDeliveredAt()).isNull();
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingWaitsUntilDisabledAndEnablingSendsWhatWaited() throws Exception {
        awaitFeedCaughtUp();
        Receiver receiver = receiver();
        receiver.answer(500);
        NewWebhook registeredWebhook = register(SWP, receiver);
        UUID id = registeredWebhook.id();
        WaybillStory story = new WaybillStory(Instant.parse("2026-11-26T09:00:00Z"));
        String waybillId = story.waybillId().toString();
        double failedBefore = meters.counter("exqress.webhooks.deliveries", "outcome", "failed").count();
        double disabledBefore = meters.counter("exqress.webhooks.disabled").count();

        append(story, 0, List.of(story.created()));

        await().atMost(PATIENCE).until(() -> webhook(SWP, id).status() == WebhookStatus.DISABLED);
        assertThat(meters.counter("exqress.webhooks.deliveries", "outcome", "failed").count() - failedBefore)
                .isGreaterThanOrEqualTo(4);
        assertThat(meters.counter("exqress.webhooks.disabled").count() - disabledBefore).isGreaterThanOrEqualTo(1);
        Webhook disabled = webhook(SWP, id);
        assertThat(disabled.consecutiveFailures()).isEqualTo(4);
        assertThat(disabled.lastFailure()).isEqualTo("HTTP_500");
        assertThat(disabled.lastFailureAt()).isNotNull();
        assertThat(disabled.disabledAt()).isNotNull();
        assertThat(disabled.lastDeliveredAt()).isNull();
        assertThat(disabled.pendingDeliveries()).isEqualTo(1);
        List<Receiver.Request> attempts = receiver.requestsAbout(waybillId);
        assertThat(attempts).hasSize(4).extracting(Receiver.Request::eventId).containsOnly(attempts.get(0).eventId());
        // The waits after the 1st, 2nd and 3rd failure are at least 0.1 s, 0.2 s and 0.4 s (half of 0.2 s doubled).
        List<Duration> gaps = gaps(attempts);
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(gaps.get(2)).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isGreaterThan(gaps.get(0));

        // Disabled, nothing more is tried, though the delivery's next attempt (at most 1.6 s away) comes due.
        Thread.sleep(1_800);
        assertThat(receiver.requestsAbout(waybillId)).hasSize(4);

        receiver.answer(204);
        Webhook enabled = registry.enable(SWP, id).orElseThrow();
        assertThat(enabled.status()).isEqualTo(WebhookStatus.ACTIVE);
        assertThat(enabled.consecutiveFailures()).isZero();
        assertThat(enabled.disabledAt()).isNull();
        await().atMost(PATIENCE).until(() -> webhook(SWP, id).pendingDeliveries() == 0);
        assertThat(receiver.requestsAbout(waybillId)).hasSize(5);
        Webhook delivered = webhook(SWP, id);
        assertThat(delivered.lastDeliveredAt()).isNotNull();
        assertThat(delivered.consecutiveFailures()).isZero();
        assertThat(delivered.lastFailure()).as("remembered after recovery").isEqualTo("HTTP_500");
    }

    @Test
    void aRecordThatArrivesTwiceIsDeliveredOnce() throws Exception {
        Receiver receiver = receiver();
        NewWebhook webhook = register(SWP, receiver);
        WaybillStory story = new WaybillStory(Instant.parse("2026-11-27T09:00:00Z"));
        String waybillId = story.waybillId().toString();
        append(story, 0, List.of(story.created()));
        await().atMost(PATIENCE).until(() -> receiver.requestsAbout(waybillId).size() == 1);
        String published = receiver.requestsAbout(waybillId).get(0).body();

        // The same record again, as a producer's retry or the relay after a restart would publish it.
        kafka.send(relay.topic(), waybillId, published).get();
        awaitFeedCaughtUp();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhooks.delivery WHERE webhook_id = ?", Integer.class,
                webhook.id())).isEqualTo(1);
        assertThat(webhook(SWP, webhook.id()).pendingDeliveries()).isZero();
        assertThat(receiver.requestsAbout(waybillId)).hasSize(1);
    }

    private Receiver receiver() {
        Receiver receiver = Receiver.start();
        receivers.add(receiver);
        return receiver;
    }

    private NewWebhook register(CarrierId carrier, Receiver receiver) {
        NewWebhook webhook = registry.register(carrier, receiver.url());
        registered.put(webhook.id(), carrier);
        return webhook;
    }

    private Webhook webhook(CarrierId carrier, UUID id) {
        return registry.list(carrier).stream().filter(webhook -> webhook.id().equals(id)).findFirst().orElseThrow();
    }

    /** Until the webhooks' consumer group has committed every record on the topic: all of them are queued. */
    private void awaitFeedCaughtUp() {
        await().atMost(PATIENCE).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = kafkaAdmin
                    .listConsumerGroupOffsets(WebhookConfiguration.CONSUMER_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = kafkaAdmin.describeTopics(List.of(relay.topic())).allTopicNames().get()
                    .get(relay.topic()).partitions().stream()
                    .map(partition -> new TopicPartition(relay.topic(), partition.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            return kafkaAdmin.listOffsets(latest).all().get().entrySet().stream().allMatch(end ->
                    end.getValue().offset() == 0 || committed.containsKey(end.getKey())
                            && committed.get(end.getKey()).offset() >= end.getValue().offset());
        });
    }

    private List<String> storedEventIds(WaybillId waybillId) {
        return eventStore.readEvents(waybillId.toString()).asStream().map(DomainEventMessage::getIdentifier).toList();
    }

    private static List<Duration> gaps(List<Receiver.Request> requests) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add(Duration.ofNanos(requests.get(i).receivedAt() - requests.get(i - 1).receivedAt()));
        }
        return gaps;
    }

    /** What a receiver computes, as docs/integration-events.md tells it to. */
    private static String signature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
