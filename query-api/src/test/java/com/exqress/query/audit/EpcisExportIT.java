package com.exqress.query.audit;

import com.exqress.waybill.WaybillStory;
import com.exqress.query.QueryApiIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /audit/waybills/{id}/epcis} over HTTP, on a whole lifecycle written into the real event store. */
class EpcisExportIT extends QueryApiIntegrationTest {

    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ObjectMapper json;

    private final WaybillStory story = new WaybillStory(Instant.now().minus(Duration.ofHours(1)));

    @BeforeEach
    void recordWholeLife() {
        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> WaybillStory.append(eventStore, story.waybillId(), 0, story.wholeLife()));
    }

    @Test
    void auditorGetsTheWholeLifeAsAValidEpcisDocument() throws Exception {
        String body = epcis("auditor", JSON_LD).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(JSON_LD)
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode document = json.readTree(body);

        assertThat(EpcisSchema.violations(document)).isEmpty();
        assertThat(document.at("/type").asText()).isEqualTo("EPCISDocument");
        assertThat(StreamSupport.stream(document.at("/epcisBody/eventList").spliterator(), false)
                .map(event -> event.at("/bizStep").asText())).containsExactly(
                "commissioning", "encoding",
                "shipping", "receiving",
                "arriving", "shipping", "receiving",
                "departing", "shipping", "receiving",
                "accepting", "decommissioning");
        assertThat(document.at("/epcisBody/eventList/0/epcList/0").asText())
                .isEqualTo("urn:exqress:waybill:" + story.waybillId());
        assertThat(Stream.concat(WaybillStory.PERSONAL.stream(),
                Stream.of("sender1", "recipient1", "courier-swp-1", "courier-swp-2")))
                .allSatisfy(personal -> assertThat(body).doesNotContain(personal));
    }

    @Test
    void adminOfTheWaybillsCarrierGetsItAsJsonToo() throws Exception {
        String body = epcis("admin-swp", MediaType.APPLICATION_JSON).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(EpcisSchema.violations(json.readTree(body))).isEmpty();
    }

    @Test
    void adminOfAnotherCarrierIsToldTheWaybillDoesNotExist() {
        epcis("admin-nrt", JSON_LD).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("WAYBILL_NOT_FOUND");
    }

    @Test
    void couriersAndCustomersAreForbidden() {
        for (String user : List.of("courier-swp-1", "courier-swp-2", "sender1", "recipient1")) {
            epcis(user, JSON_LD).expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void unknownWaybillIsNotFound() {
        client.get().uri("/audit/waybills/{id}/epcis", UUID.randomUUID()).header("Authorization", bearer("auditor"))
                .exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec epcis(String user, MediaType accept) {
        return client.get().uri("/audit/waybills/{id}/epcis", story.waybillId())
                .header("Authorization", bearer(user)).accept(accept).exchange();
    }
}
