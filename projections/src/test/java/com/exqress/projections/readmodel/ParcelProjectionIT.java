package com.exqress.projections.readmodel;

import com.exqress.projections.ProjectionSchemas;
import com.exqress.projections.ProjectionsIntegrationTest;
import com.exqress.waybill.WaybillStory;
import com.exqress.waybill.api.WaybillEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ParcelProjectionIT extends ProjectionsIntegrationTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    @Autowired
    ReadModelState state;

    @Test
    void aWholeLifeEndsAsADisposedParcelWithItsTimelineAndDisclosures() {
        WaybillStory story = new WaybillStory(START);
        append(story, 0, story.wholeLife());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(parcel(story)).containsEntry("status", "DISPOSED"));

        Map<String, Object> parcel = parcel(story);
        assertThat(parcel).containsEntry("tracking_number", story.trackingNumber().value())
                .containsEntry("carrier_id", "SWP").containsEntry("sender_account", "sender1")
                .containsEntry("recipient_account", "recipient1").containsEntry("reason", "RECIPIENT_REQUEST")
                .containsEntry("origin_hub", "SEL-01").containsEntry("destination_hub", "BSN-01")
                .containsEntry("destination_region", "BSN").containsEntry("last_sequence", 14L);
        assertThat(parcel.get("holder_id")).isNull();
        assertThat(timeline(story)).containsExactly(
                "INFO_RECEIVED/WAYBILL_CREATED/null", "INFO_RECEIVED/LABEL_PRINTED/null", "PICKED_UP/PICKED_UP/null",
                "IN_TRANSIT/ARRIVED_AT_HUB/BSN-01", "OUT_FOR_DELIVERY/OUT_FOR_DELIVERY/BSN-01",
                "DELIVERED/TO_RECIPIENT/BSN-01", "DISPOSED/RECIPIENT_REQUEST/BSN-01");
        assertThat(jdbc.queryForList("SELECT role || '/' || carrier_id || '/' || purpose || '/' || array_to_string(fields, ',')"
                + " FROM projections.parcel_disclosure WHERE waybill_id = ? ORDER BY sequence", String.class, story.waybillId().value()))
                .containsExactly("COURIER/SWP/PICKUP/SENDER_ADDRESS,SENDER_NAME,SENDER_PHONE",
                        "COURIER/SWP/OUT_FOR_DELIVERY/RECIPIENT_ADDRESS,RECIPIENT_NAME,RECIPIENT_PHONE",
                        "COURIER/SWP/DELIVERED/RECIPIENT_ADDRESS,RECIPIENT_NAME,RECIPIENT_PHONE");
    }

    @Test
    void noPersonalDataReachesAnyReadModelTable() {
        WaybillStory story = new WaybillStory(START);
        append(story, 0, story.wholeLife());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(parcel(story)).containsEntry("status", "DISPOSED"));

        String everything = String.join("\n", jdbc.queryForList(
                "SELECT t::text FROM projections.parcel t UNION ALL SELECT t::text FROM projections.parcel_timeline t"
                        + " UNION ALL SELECT t::text FROM projections.parcel_disclosure t"
                        + " UNION ALL SELECT t::text FROM projections.hub_throughput t", String.class));
        assertThat(everything).contains(story.trackingNumber().value()).doesNotContain(WaybillStory.PERSONAL);
    }

    /** Feeds events straight to a projection of the idle copy, in a chosen order, and removes them after. */
    @Test
    void eventsDeliveredTwiceOrLateChangeNothing() {
        WaybillStory story = new WaybillStory(START.plusSeconds(7 * 24 * 3600));
        List<WaybillEvent> events = story.untilOutForDelivery();
        ReadModelColor idle = state.current().activeColor().other();
        ParcelRows rows = new ParcelRows(new NamedParameterJdbcTemplate(jdbc), idle);
        ParcelProjection projection = new ParcelProjection(rows, () -> false);
        String schema = idle.schema();
        try {
            deliverTwiceAndLate(projection, events, story, schema);
        } finally {
            for (String table : List.of("parcel", "parcel_timeline", "parcel_disclosure")) {
                jdbc.update("DELETE FROM " + schema + "." + table + " WHERE waybill_id = ?", story.waybillId().value());
            }
            jdbc.update("DELETE FROM " + schema + ".hub_throughput WHERE hour = date_trunc('hour', ?::timestamptz)",
                    arrivalTime(story));
        }
    }

    private void deliverTwiceAndLate(ParcelProjection projection, List<WaybillEvent> events, WaybillStory story,
                                     String schema) {
        transaction.executeWithoutResult(status -> {
            for (int sequence = 0; sequence < events.size(); sequence++) {
                projection.on(events.get(sequence), sequence);
            }
        });
        Map<String, Object> before = parcel(schema, story);
        List<String> timelineBefore = timeline(schema, story);
        int arrivalsBefore = arrivals(schema, story);

        transaction.executeWithoutResult(status -> {
            projection.on(events.get(6), 6);
            projection.on(events.get(2), 2);
            projection.on(events.get(0), 0);
            projection.on(events.get(events.size() - 1), events.size() - 1);
        });

        assertThat(parcel(schema, story)).isEqualTo(before).containsEntry("status", "OUT_FOR_DELIVERY");
        assertThat(timeline(schema, story)).isEqualTo(timelineBefore);
        assertThat(arrivals(schema, story)).isEqualTo(arrivalsBefore).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schema + ".parcel_disclosure WHERE waybill_id = ?",
                Integer.class, story.waybillId().value())).isEqualTo(2);
    }

    private Map<String, Object> parcel(WaybillStory story) {
        return parcel(ProjectionSchemas.SERVING, story);
    }

    private Map<String, Object> parcel(String schema, WaybillStory story) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + schema + ".parcel WHERE waybill_id = ?",
                story.waybillId().value());
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private List<String> timeline(WaybillStory story) {
        return timeline(ProjectionSchemas.SERVING, story);
    }

    private List<String> timeline(String schema, WaybillStory story) {
        return jdbc.queryForList("SELECT status || '/' || reason || '/' || coalesce(hub, 'null')"
                + " FROM " + schema + ".parcel_timeline WHERE waybill_id = ? ORDER BY sequence", String.class,
                story.waybillId().value());
    }

    /** Arrivals counted at BSN-01 in the hour of this story's hub arrival. */
    private int arrivals(String schema, WaybillStory story) {
        return jdbc.queryForObject("SELECT coalesce(sum(arrivals), 0) FROM " + schema + ".hub_throughput"
                + " WHERE hub = 'BSN-01' AND hour = date_trunc('hour', ?::timestamptz)", Integer.class, arrivalTime(story));
    }

    private static Timestamp arrivalTime(WaybillStory story) {
        return Timestamp.from(story.untilOutForDelivery().get(6).provenance().at());
    }
}
