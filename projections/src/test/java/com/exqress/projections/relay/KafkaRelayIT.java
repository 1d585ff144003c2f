package com.exqress.projections.relay;

import com.exqress.embedded.SharedKafka;
import com.exqress.projections.ProjectionsIntegrationTest;
import com.exqress.waybill.WaybillStory;
import com.exqress.waybill.api.WaybillEvent;
import com.exqress.waybill.api.WaybillId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay on the shared broker: what a scripted lifecycle puts on the topic, and what redelivery does not. */
class KafkaRelayIT extends ProjectionsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACCOUNTS = List.of("sender1", "recipient1", "courier-swp-1", "courier-swp-2");

    /** Type, status, reason and hub of each event of {@link WaybillStory#wholeLife()}, in order. */
    private static final List<List<String>> WHOLE_LIFE = List.of(
            List.of("WAYBILL_CREATED", "INFO_RECEIVED", "WAYBILL_CREATED", "null"),
            List.of("LABEL_PRINTED", "INFO_RECEIVED", "LABEL_PRINTED", "null"),
            List.of("PARCEL_SCANNED", "INFO_RECEIVED", "LABEL_PRINTED", "null"),
            List.of("CUSTODY_TRANSFERRED", "PICKED_UP", "PICKED_UP", "null"),
            List.of("PERSONAL_DATA_DISCLOSED", "PICKED_UP", "PICKED_UP", "null"),
            List.of("PARCEL_SCANNED", "PICKED_UP", "PICKED_UP", "null"),
            List.of("CUSTODY_TRANSFERRED", "IN_TRANSIT", "ARRIVED_AT_HUB", "BSN-01"),
            List.of("PARCEL_SCANNED", "OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY", "BSN-01"),
            List.of("CUSTODY_TRANSFERRED", "OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY", "BSN-01"),
            List.of("PERSONAL_DATA_DISCLOSED", "OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY", "BSN-01"),
            List.of("PARCEL_SCANNED", "OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY", "BSN-01"),
            List.of("WAYBILL_DELIVERED", "DELIVERED", "TO_RECIPIENT", "BSN-01"),
            List.of("PERSONAL_DATA_DISCLOSED", "DELIVERED", "TO_RECIPIENT", "BSN-01"),
            List.of("LABEL_REVOKED", "DELIVERED", "TO_RECIPIENT", "BSN-01"),
            List.of("WAYBILL_DISPOSED", "DISPOSED", "RECIPIENT_REQUEST", "BSN-01"));

    @Autowired
    RelayProgressStore relayed;
    @Autowired
    WaybillEventRelay relay;
    @Autowired
    RelayProperties properties;

    @Test
    void aWholeLifecycleArrivesInOrderKeyedByWaybillWithoutPersonalData() throws Exception {
        WaybillStory story = new WaybillStory(Instant.parse("2026-11-23T09:00:00Z"));
        List<WaybillEvent> events = story.wholeLife();

        append(story, 0, events);
        awaitRelayedUpTo(story.waybillId(), events.size() - 1);

        List<ConsumerRecord<String, String>> records = records(story.waybillId());
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(story.waybillId().toString());
        assertThat(records).map(ConsumerRecord::value).allSatisfy(value -> assertThat(value)
                .doesNotContain(WaybillStory.PERSONAL).doesNotContain(ACCOUNTS));
        List<JsonNode> published = json(records);
        assertThat(published).map(event -> List.of(event.get("type").asText(), event.get("status").asText(),
                event.get("reason").asText(), event.get("hub").asText())).containsExactlyElementsOf(WHOLE_LIFE);
        assertThat(published).map(event -> event.get("sequence").asLong())
                .containsExactlyElementsOf(Stream.iterate(0L, n -> n + 1).limit(events.size()).toList());
        assertThat(published).map(event -> event.get("eventId").asText()).containsExactlyElementsOf(storedEventIds(story.waybillId()));
        assertThat(published).allSatisfy(event -> {
            assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(event.get("waybillId").asText()).isEqualTo(story.waybillId().toString());
            assertThat(event.get("trackingNumber").asText()).isEqualTo(story.trackingNumber().value());
            assertThat(event.get("carrier").asText()).isEqualTo("SWP");
        });
        assertThat(published.get(0).get("occurredAt").asText()).isEqualTo("2026-11-23T09:00:00Z");
        assertThat(published.get(14).get("occurredAt").asText()).isEqualTo("2026-11-23T09:10:00Z");
    }

    @Test
    void redeliveredEventsPublishNothingAndLeaveTheRelayedProgressAsItWas() throws Exception {
        WaybillStory story = new WaybillStory(Instant.parse("2026-11-24T09:00:00Z"));
        List<WaybillEvent> events = story.wholeLife();
        List<WaybillEvent> untilOutForDelivery = story.untilOutForDelivery();
        append(story, 0, untilOutForDelivery);
        awaitRelayedUpTo(story.waybillId(), untilOutForDelivery.size() - 1);
        RelayProgressStore.Relayed before = relayed.find(story.waybillId()).orElseThrow();

        // Every event again, as a replay or an at-least-once redelivery would hand them to the relay.
        transaction.executeWithoutResult(status -> storedEvents(story.waybillId())
                .forEach(message -> relay.on((WaybillEvent) message.getPayload(), message)));

        assertThat(relayed.find(story.waybillId())).contains(before);
        append(story, untilOutForDelivery.size(), events.subList(untilOutForDelivery.size(), events.size()));
        awaitRelayedUpTo(story.waybillId(), events.size() - 1);
        List<JsonNode> published = json(records(story.waybillId()));
        assertThat(published).map(event -> event.get("eventId").asText()).containsExactlyElementsOf(storedEventIds(story.waybillId()));
        assertThat(published).map(event -> List.of(event.get("type").asText(), event.get("status").asText(),
                event.get("reason").asText(), event.get("hub").asText())).containsExactlyElementsOf(WHOLE_LIFE);
    }


    private void awaitRelayedUpTo(WaybillId waybillId, long sequence) {
        await().atMost(Duration.ofSeconds(30)).until(() -> relayed.find(waybillId)
                .map(progress -> progress.lastSequence() >= sequence).orElse(false));
    }

    private List<ConsumerRecord<String, String>> records(WaybillId waybillId) {
        return TopicReader.recordsOf(waybillId, SharedKafka.server().bootstrapServers(), properties.topic());
    }

    private List<DomainEventMessage<?>> storedEvents(WaybillId waybillId) {
        return eventStore.readEvents(waybillId.toString()).asStream().collect(Collectors.toList());
    }

    private List<String> storedEventIds(WaybillId waybillId) {
        return storedEvents(waybillId).stream().map(DomainEventMessage::getIdentifier).toList();
    }

    private static List<JsonNode> json(List<ConsumerRecord<String, String>> records) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            nodes.add(JSON.readTree(record.value()));
        }
        return nodes;
    }
}
