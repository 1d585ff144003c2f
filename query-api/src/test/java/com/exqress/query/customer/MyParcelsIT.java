package com.exqress.query.customer;

import com.exqress.query.QueryApiIntegrationTest;
import com.exqress.query.ReadModelRows;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /me/parcels}: the parcels a customer sent or receives, newest first, a page at a time. */
class MyParcelsIT extends QueryApiIntegrationTest {

    @Test
    void aCustomerSeesWhatTheySentAndWhatTheyReceiveNewestFirst() {
        Instant start = Instant.now().minus(Duration.ofDays(3));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(0, readModel.parcel().from("customer2").to("recipient1").createdAt(start.plus(Duration.ofHours(i)))
                    .insert().trackingNumber());
        }
        String received = readModel.parcel().from("sender1").to("customer2").insert().trackingNumber();

        assertThat(trackingNumbers(all("customer2", "sent"))).containsSubsequence(sent).doesNotContain(received);
        assertThat(trackingNumbers(all("customer2", "received"))).contains(received).doesNotContainAnyElementsOf(sent);
        assertThat(trackingNumbers(all("recipient1", "received"))).containsSubsequence(sent);
        assertThat(trackingNumbers(all("sender1", "received"))).doesNotContainAnyElementsOf(sent).doesNotContain(received);
    }

    @Test
    void itemsSayWhereTheParcelIsButNameNoAccount() {
        ReadModelRows.Parcel parcel = readModel.parcel().from("customer2").to("recipient1").insert();

        byte[] body = list("customer2", "direction=sent&limit=100").expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.trackingNumber == '%s')].waybillId", parcel.trackingNumber())
                .isEqualTo(parcel.waybillId().toString())
                .jsonPath("$.items[?(@.trackingNumber == '%s')].status", parcel.trackingNumber()).isEqualTo("INFO_RECEIVED")
                .returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("recipient1", "customer2", "sender1");
    }

    /**
     * Newest first, so parcels created after the first page was read come before it: the next pages go on where
     * the first one stopped, without repeating or skipping any parcel. These parcels are the newest customer2
     * ever sent, so the first pages hold only them.
     */
    @Test
    void pagesGoOnWhereTheyStoppedWhenNewParcelsArrive() {
        Instant future = Instant.parse("2200-01-01T00:00:00Z");
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            newestFirst.add(0, readModel.parcel().from("customer2").createdAt(future.plus(Duration.ofMinutes(i)))
                    .insert().trackingNumber());
        }

        Map<String, Object> byDefault = page("customer2", "direction=sent");
        assertThat(trackingNumbers(byDefault)).isEqualTo(newestFirst.subList(0, 20));
        assertThat(byDefault.get("nextCursor")).isNotNull();

        Map<String, Object> first = page("customer2", "direction=sent&limit=5");
        assertThat(trackingNumbers(first)).isEqualTo(newestFirst.subList(0, 5));
        readModel.parcel().from("customer2").createdAt(future.plus(Duration.ofMinutes(100))).insert();
        readModel.parcel().from("customer2").createdAt(future.plus(Duration.ofMinutes(50))).insert();

        Map<String, Object> second = page("customer2", "direction=sent&limit=5&cursor=" + first.get("nextCursor"));
        assertThat(trackingNumbers(second)).isEqualTo(newestFirst.subList(5, 10));
        Map<String, Object> third = page("customer2", "direction=sent&limit=12&cursor=" + second.get("nextCursor"));
        assertThat(trackingNumbers(third)).isEqualTo(newestFirst.subList(10, 22));
    }

    @Test
    void aPageHoldsOneToAHundredParcels() {
        list("customer2", "direction=sent&limit=100").expectStatus().isOk();
        for (String limit : new String[] {"101", "0", "-1", "ten", "1.5", ""}) {
            list("customer2", "direction=sent&limit=" + limit).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field").isEqualTo("limit");
        }
    }

    @Test
    void aCursorThatIsNotOneOfTheListsIsRefused() {
        String notAKey = Base64.getUrlEncoder().encodeToString("SEL-01|BSN".getBytes(StandardCharsets.UTF_8));
        for (String cursor : new String[] {"not*base64", notAKey, "", "AAAA"}) {
            list("customer2", "direction=sent&cursor=" + cursor).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field").isEqualTo("cursor");
        }
    }

    @Test
    void theDirectionIsRequired() {
        for (String query : new String[] {"", "direction=both", "direction=SENT"}) {
            list("customer2", query).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("direction");
        }
    }

    @Test
    void onlyCustomersHaveParcelsOfTheirOwn() {
        for (String user : new String[] {"courier-swp-1", "admin-swp", "platform-admin", "auditor"}) {
            list(user, "direction=sent").expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        }
        client.get().uri("/me/parcels?direction=sent").exchange().expectStatus().isUnauthorized();
    }

    private ResponseSpec list(String user, String query) {
        return client.get().uri("/me/parcels?" + query).header(HttpHeaders.AUTHORIZATION, bearer(user)).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(String user, String query) {
        return list(user, query).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Every page of a list, checking that none is longer than asked. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> all(String user, String direction) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = page(user, "direction=" + direction + "&limit=50" + (cursor == null ? "" : "&cursor=" + cursor));
            List<Map<String, Object>> pageItems = (List<Map<String, Object>>) page.get("items");
            assertThat(pageItems).hasSizeLessThanOrEqualTo(50);
            items.addAll(pageItems);
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return items;
    }

    @SuppressWarnings("unchecked")
    private static List<String> trackingNumbers(Map<String, Object> page) {
        return trackingNumbers((List<Map<String, Object>>) page.get("items"));
    }

    private static List<String> trackingNumbers(List<Map<String, Object>> items) {
        return items.stream().map(item -> (String) item.get("trackingNumber")).toList();
    }
}
