package com.exqress.query.audit;

import com.exqress.query.QueryApiIntegrationTest;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.TrackingNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /audit/events} on audit index rows written as the projections service writes them. Each test has
 * its own hour, far in the past, so the rows of other tests never fall in its time range.
 */
class AuditSearchIT extends QueryApiIntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    JdbcTemplate jdbc;

    private final Instant hour = Instant.parse("2020-01-01T00:00:00Z").plus(RANDOM.nextInt(50_000), ChronoUnit.HOURS);
    private final UUID swpWaybill = UUID.randomUUID();
    private final UUID nrtWaybill = UUID.randomUUID();
    private final String swpTracking = TrackingNumber.generate(new CarrierId("SWP"), RANDOM).value();
    private final String nrtTracking = TrackingNumber.generate(new CarrierId("NRT"), RANDOM).value();

    /** An SWP parcel created by sender1, picked up by courier-swp-1, scanned in at BSN-01; an NRT parcel's scan. */
    @BeforeEach
    void indexEvents() {
        row(swpWaybill, 0, swpTracking, "SWP", "WaybillCreated", "sender1", "CUSTOMER", null, null, 0);
        row(swpWaybill, 1, swpTracking, "SWP", "ParcelScanned", "courier-swp-1", "COURIER", "SWP", "SEL-01", 2);
        row(swpWaybill, 2, swpTracking, "SWP", "CustodyTransferred", "courier-swp-1", "COURIER", "SWP", "SEL-01", 2);
        row(swpWaybill, 3, swpTracking, "SWP", "ParcelScanned", "courier-swp-2", "COURIER", "SWP", "BSN-01", 5);
        row(nrtWaybill, 0, nrtTracking, "NRT", "ParcelScanned", "courier-nrt-1", "COURIER", "NRT", "DJN-01", 3);
    }

    @Test
    void auditorFindsWhatACourierScannedAndWhenNewestFirst() {
        search("auditor", "actor=courier-swp-1&" + thisHour()).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].waybillId").isEqualTo(swpWaybill.toString())
                .jsonPath("$.items[0].sequence").isEqualTo(2)
                .jsonPath("$.items[0].type").isEqualTo("CustodyTransferred")
                .jsonPath("$.items[1].sequence").isEqualTo(1)
                .jsonPath("$.items[1].type").isEqualTo("ParcelScanned")
                .jsonPath("$.items[1].trackingNumber").isEqualTo(swpTracking)
                .jsonPath("$.items[1].carrier").isEqualTo("SWP")
                .jsonPath("$.items[1].actor.id").isEqualTo("courier-swp-1")
                .jsonPath("$.items[1].actor.role").isEqualTo("COURIER")
                .jsonPath("$.items[1].actor.carrier").isEqualTo("SWP")
                .jsonPath("$.items[1].hub").isEqualTo("SEL-01")
                .jsonPath("$.items[1].eventTime").isEqualTo(at(2).toString())
                .jsonPath("$.items[1].recordedAt").isEqualTo(at(2).plusSeconds(1).toString())
                .jsonPath("$.nextCursor").doesNotExist();
    }

    @Test
    void filtersByTrackingNumberCarrierAndTimeRange() {
        assertThat(sequences("auditor", "trackingNumber=" + swpTracking)).containsExactly(3L, 2L, 1L, 0L);
        assertThat(waybills("auditor", "carrier=NRT&" + thisHour())).containsExactly(nrtWaybill.toString());
        assertThat(sequences("auditor", "trackingNumber=" + swpTracking + "&from=" + at(2) + "&to=" + at(5)))
                .containsExactly(2L, 1L);
    }

    @Test
    void carrierAdminsSearchOnlyTheirOwnCarrier() {
        assertThat(waybills("admin-nrt", thisHour())).containsExactly(nrtWaybill.toString());
        assertThat(waybills("admin-nrt", "trackingNumber=" + swpTracking)).isEmpty();
        assertThat(sequences("admin-swp", "carrier=SWP&" + thisHour())).containsExactly(3L, 2L, 1L, 0L);
        search("admin-nrt", "carrier=SWP&" + thisHour()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void pagesFollowTheCursorToTheLastPage() {
        Map<?, ?> first = search("auditor", "trackingNumber=" + swpTracking + "&limit=3").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(sequences(first)).containsExactly(3L, 2L, 1L);
        String cursor = (String) first.get("nextCursor");
        assertThat(cursor).isNotNull();

        Map<?, ?> second = search("auditor", "trackingNumber=" + swpTracking + "&limit=3&cursor=" + cursor)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(sequences(second)).containsExactly(0L);
        assertThat(second.get("nextCursor")).isNull();
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        Map<String, String> fieldOf = Map.of(
                "limit=5", "trackingNumber",
                "trackingNumber=SWP123", "trackingNumber",
                "carrier=swp", "carrier",
                "actor=", "actor",
                "from=yesterday", "from",
                "from=" + at(5) + "&to=" + at(2), "to",
                "carrier=SWP&limit=0", "limit",
                "carrier=SWP&cursor=bm90LWEtY3Vyc29y", "cursor");
        fieldOf.forEach((query, field) -> search("auditor", query).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo(field));
    }

    @Test
    void onlyAuditorsAndCarrierAdminsMaySearch() {
        for (String user : List.of("courier-swp-1", "sender1", "platform-admin")) {
            search(user, "carrier=SWP").expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        }
        client.get().uri("/audit/events?carrier=SWP").exchange().expectStatus().isUnauthorized();
    }

    private String thisHour() {
        return "from=" + hour + "&to=" + hour.plus(Duration.ofHours(1));
    }

    private Instant at(int minutes) {
        return hour.plus(Duration.ofMinutes(minutes));
    }

    private void row(UUID waybill, long sequence, String trackingNumber, String carrier, String type, String actor,
                     String role, String actorCarrier, String hub, int minutes) {
        jdbc.update("""
                        INSERT INTO audit.audit_event (event_id, waybill_id, sequence, tracking_number, carrier_id,
                            event_type, actor_id, actor_role, actor_carrier, hub, event_time, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, UUID.randomUUID().toString(), waybill, sequence, trackingNumber, carrier, type, actor,
                role, actorCarrier, hub, at(minutes).atOffset(ZoneOffset.UTC),
                at(minutes).plusSeconds(1).atOffset(ZoneOffset.UTC));
    }

    private WebTestClient.ResponseSpec search(String user, String query) {
        return client.get().uri("/audit/events?" + query).header("Authorization", bearer(user)).exchange();
    }

    private List<Long> sequences(String user, String query) {
        return sequences(search(user, query).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    private List<String> waybills(String user, String query) {
        Map<?, ?> page = search(user, query).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return items(page).stream().map(item -> (String) item.get("waybillId")).toList();
    }

    private static List<Long> sequences(Map<?, ?> page) {
        return items(page).stream().map(item -> ((Number) item.get("sequence")).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<?, ?> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
