package com.exqress.projections.audit;

import com.exqress.projections.ProjectionsIntegrationTest;
import com.exqress.waybill.WaybillStory;
import com.exqress.waybill.api.WaybillEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit index on a scripted lifecycle: one row per event, who and where, nothing personal, no duplicates. */
class AuditIndexIT extends ProjectionsIntegrationTest {

    @Autowired
    AuditIndex index;

    @Test
    void everyEventOfALifecycleIsIndexedWithItsWaybillActorAndPlaceWithoutPersonalData() {
        WaybillStory story = new WaybillStory(Instant.parse("2026-11-23T09:00:00Z"));
        List<WaybillEvent> events = story.wholeLife();

        append(story, 0, events);
        awaitIndexed(story, events.size());

        List<Map<String, Object>> rows = rows(story);
        assertThat(rows).map(row -> row.get("sequence")).containsExactlyElementsOf(
                LongStream.range(0, events.size()).boxed().toList());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("tracking_number")).isEqualTo(story.trackingNumber().value());
            assertThat(row.get("carrier_id")).isEqualTo("SWP");
        });
        assertThat(rows.get(0)).containsEntry("event_type", "WaybillCreated").containsEntry("actor_id", "sender1")
                .containsEntry("actor_role", "CUSTOMER").containsEntry("actor_carrier", null).containsEntry("hub", null);
        assertThat(rows.get(2)).containsEntry("event_type", "ParcelScanned").containsEntry("actor_id", "courier-swp-1")
                .containsEntry("actor_role", "COURIER").containsEntry("actor_carrier", "SWP")
                .containsEntry("hub", "SEL-01");
        assertThat(((Timestamp) rows.get(2).get("event_time")).toInstant())
                .isEqualTo(Instant.parse("2026-11-23T09:02:00Z"));
        assertThat(rows).allSatisfy(row -> assertThat(row.get("recorded_at")).isNotNull());
        assertThat(rows.toString()).doesNotContain(WaybillStory.PERSONAL);
    }

    @Test
    void aReplayedEventAddsNoRow() {
        WaybillStory story = new WaybillStory(Instant.parse("2026-11-24T09:00:00Z"));
        List<WaybillEvent> events = story.untilOutForDelivery();
        append(story, 0, events);
        awaitIndexed(story, events.size());

        transaction.executeWithoutResult(status -> eventStore.readEvents(story.waybillId().toString()).asStream()
                .forEach((DomainEventMessage<?> message) -> index.on((WaybillEvent) message.getPayload(), message)));

        assertThat(rows(story)).hasSize(events.size());
    }

    private void awaitIndexed(WaybillStory story, int events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(story).size() >= events);
    }

    private List<Map<String, Object>> rows(WaybillStory story) {
        return jdbc.queryForList("SELECT * FROM audit.audit_event WHERE waybill_id = ? ORDER BY sequence",
                story.waybillId().value());
    }
}
