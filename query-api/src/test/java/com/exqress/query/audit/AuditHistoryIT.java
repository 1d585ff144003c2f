package com.exqress.query.audit;

import com.exqress.waybill.WaybillStory;
import com.exqress.query.QueryApiIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /audit/waybills/{id}/history} and {@code /state?asOf=} over HTTP, on a whole lifecycle written into
 * the real event store: created at minute 0, label at 1, picked up at 2, at hub BSN-01 at 5, out for delivery at 8,
 * delivered at 9, disposed at 10.
 */
class AuditHistoryIT extends QueryApiIntegrationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ObjectMapper json;

    private final Instant start = Instant.now().minus(Duration.ofHours(1));
    private final WaybillStory story = new WaybillStory(start);

    @BeforeEach
    void recordWholeLife() {
        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> WaybillStory.append(eventStore, story.waybillId(), 0, story.wholeLife()));
    }

    @Test
    void auditorReadsEveryEventInOrderWithWhoWhenWhereAndWhy() throws Exception {
        String body = get("auditor", "/history").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode history = json.readTree(body);
        JsonNode events = history.at("/events");

        assertThat(StreamSupport.stream(events.spliterator(), false).map(event -> event.at("/sequence").asLong()))
                .containsExactlyElementsOf(Stream.iterate(0L, n -> n + 1).limit(15).toList());
        assertThat(history.hasNonNull("nextCursor")).isFalse();
        assertThat(events.at("/0/type").asText()).isEqualTo("WaybillCreated");
        assertThat(events.at("/0/eventId").asText()).isNotBlank();
        JsonNode pickup = events.at("/3");
        assertThat(pickup.at("/type").asText()).isEqualTo("CustodyTransferred");
        assertThat(pickup.at("/who/actorId").asText()).isEqualTo("courier-swp-1");
        assertThat(pickup.at("/who/role").asText()).isEqualTo("COURIER");
        assertThat(pickup.at("/who/carrier").asText()).isEqualTo("SWP");
        assertThat(Instant.parse(pickup.at("/when/eventTime").asText())).isEqualTo(start.plusSeconds(120));
        assertThat(Instant.parse(pickup.at("/when/recordedAt").asText())).isAfter(start.plusSeconds(120));
        assertThat(pickup.at("/where/location").asText()).isEqualTo("SEL-01");
        assertThat(pickup.at("/where/hub").asText()).isEqualTo("SEL-01");
        assertThat(pickup.at("/why").asText()).isEqualTo("handoff from SENDER to COURIER");
        assertThat(pickup.hasNonNull("idempotencyKey")).isFalse();
        assertThat(pickup.at("/payload/to/kind").asText()).isEqualTo("COURIER");
        assertThat(events.at("/2/why").asText()).isEqualTo("scan PICKUP at SEL-01");
        assertThat(events.at("/4/why").asText())
                .isEqualTo("disclosed [SENDER_ADDRESS, SENDER_NAME, SENDER_PHONE] for PICKUP");
        assertThat(events.at("/14/why").asText()).isEqualTo("disposed: RECIPIENT_REQUEST");
        assertThat(WaybillStory.PERSONAL).allSatisfy(personal -> assertThat(body).doesNotContain(personal));
    }

    @Test
    void historyIsPagedBySequence() throws Exception {
        List<Long> sequences = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String query = "/history?limit=6" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = json.readTree(get("auditor", query).expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody());
            page.at("/events").forEach(event -> sequences.add(event.at("/sequence").asLong()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(sequences).containsExactlyElementsOf(Stream.iterate(0L, n -> n + 1).limit(15).toList());
    }

    @Test
    void pageSizeAboveTheMaximumAndForeignCursorsAreRefused() {
        get("auditor", "/history?limit=101").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        get("auditor", "/history?cursor=bm90LWEtbnVtYmVy").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void historyAndStateFollowTheRawHistorysAccessRule() {
        for (String path : List.of("/history", "/state?asOf=" + start.plusSeconds(60))) {
            get("admin-swp", path).expectStatus().isOk();
            get("admin-nrt", path).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("WAYBILL_NOT_FOUND");
            for (String user : List.of("courier-swp-1", "courier-swp-2", "sender1", "recipient1")) {
                get(user, path).expectStatus().isForbidden()
                        .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
            }
            client.get().uri("/audit/waybills/" + UUID.randomUUID() + path).header("Authorization", bearer("auditor"))
                    .exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void stateBeforePickupIsTheSendersWithAPrintedLabel() {
        state(start.plusSeconds(90))
                .jsonPath("$.status").isEqualTo("INFO_RECEIVED")
                .jsonPath("$.reason").isEqualTo("LABEL_PRINTED")
                .jsonPath("$.holder.kind").isEqualTo("SENDER")
                .jsonPath("$.holder.carrier").doesNotExist()
                .jsonPath("$.carrier").isEqualTo("SWP")
                .jsonPath("$.destinationHub").isEqualTo("BSN-01")
                .jsonPath("$.activeLabels").isEqualTo(1)
                .jsonPath("$.revokedLabels").isEqualTo(0)
                .jsonPath("$.disposed").isEqualTo(false)
                .jsonPath("$.lastSequence").isEqualTo(1);
    }

    @Test
    void stateInTransitIsHeldByTheHub() {
        state(start.plusSeconds(6 * 60))
                .jsonPath("$.status").isEqualTo("IN_TRANSIT")
                .jsonPath("$.reason").isEqualTo("ARRIVED_AT_HUB")
                .jsonPath("$.holder.kind").isEqualTo("HUB")
                .jsonPath("$.holder.carrier").isEqualTo("SWP")
                .jsonPath("$.holder.hub").isEqualTo("BSN-01")
                .jsonPath("$.hub").isEqualTo("BSN-01")
                .jsonPath("$.lastSequence").isEqualTo(6);
    }

    @Test
    void stateOutForDeliveryNamesTheCourierByKindOnly() {
        Instant asOf = start.plusSeconds(8 * 60 + 30);
        state(asOf)
                .jsonPath("$.status").isEqualTo("OUT_FOR_DELIVERY")
                .jsonPath("$.holder.kind").isEqualTo("COURIER")
                .jsonPath("$.holder.carrier").isEqualTo("SWP")
                .jsonPath("$.lastSequence").isEqualTo(9);
        assertThat(get("auditor", "/state?asOf=" + asOf).expectBody(String.class).returnResult().getResponseBody())
                .doesNotContain("courier-swp-2");
    }

    @Test
    void stateAfterDisposalHasNoHolderAndNoActiveLabel() {
        state(start.plusSeconds(11 * 60))
                .jsonPath("$.status").isEqualTo("DISPOSED")
                .jsonPath("$.disposed").isEqualTo(true)
                .jsonPath("$.holder").doesNotExist()
                .jsonPath("$.activeLabels").isEqualTo(0)
                .jsonPath("$.revokedLabels").isEqualTo(1)
                .jsonPath("$.lastSequence").isEqualTo(14);
    }

    @Test
    void stateBeforeCreationSaysTheWaybillDidNotExistYet() {
        get("auditor", "/state?asOf=" + start.minusSeconds(60)).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("WAYBILL_NOT_YET_CREATED");
    }

    @Test
    void missingOrMalformedAsOfIsAValidationError() {
        for (String path : List.of("/state", "/state?asOf=yesterday", "/state?asOf=2026-11-23")) {
            get("auditor", path).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        }
    }

    private WebTestClient.BodyContentSpec state(Instant asOf) {
        return get("auditor", "/state?asOf=" + asOf).expectStatus().isOk().expectBody();
    }

    private WebTestClient.ResponseSpec get(String user, String path) {
        return client.get().uri("/audit/waybills/" + story.waybillId() + path)
                .header("Authorization", bearer(user)).exchange();
    }
}
