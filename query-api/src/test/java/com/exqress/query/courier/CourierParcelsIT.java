package com.exqress.query.courier;

import com.exqress.query.QueryApiIntegrationTest;
import com.exqress.query.ReadModelRows;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /courier/parcels}: what a courier holds, picks up at their hub and delivers from it, by route. */
class CourierParcelsIT extends QueryApiIntegrationTest {

    @Test
    void aCourierHoldsTheParcelsInTheirHandsWhicheverCarrierTheyBelongTo() {
        String mine = readModel.parcel().heldBy("COURIER", "courier-swp-1").status("PICKED_UP", "PICKED_UP").insert().trackingNumber();
        String partners = readModel.parcel().carrier("BLR").heldBy("COURIER", "courier-swp-1").status("IN_TRANSIT", "HANDED_OVER")
                .insert().trackingNumber();
        String colleagues = readModel.parcel().heldBy("COURIER", "courier-swp-2").status("PICKED_UP", "PICKED_UP").insert().trackingNumber();

        assertThat(routes("courier-swp-1", "held")).containsKeys(mine, partners).doesNotContainKey(colleagues);
        assertThat(routes("courier-swp-2", "held")).containsKey(colleagues).doesNotContainKeys(mine, partners);
    }

    @Test
    void parcelsWithAPrintedLabelAreToBePickedUpByTheCouriersOfTheirOriginHub() {
        String printed = readModel.parcel().status("INFO_RECEIVED", "LABEL_PRINTED").insert().trackingNumber();
        String reprinted = readModel.parcel().status("INFO_RECEIVED", "LABEL_REPRINTED").insert().trackingNumber();
        String noLabel = readModel.parcel().insert().trackingNumber();
        String elsewhere = readModel.parcel().origin("BSN-01").status("INFO_RECEIVED", "LABEL_PRINTED").insert().trackingNumber();
        String otherCarrier = readModel.parcel().carrier("BLR").status("INFO_RECEIVED", "LABEL_PRINTED").insert().trackingNumber();
        String pickedUp = readModel.parcel().heldBy("COURIER", "courier-swp-1").status("PICKED_UP", "PICKED_UP").insert().trackingNumber();

        assertThat(routes("courier-swp-1", "toPickUp")).containsKeys(printed, reprinted)
                .doesNotContainKeys(noLabel, elsewhere, otherCarrier, pickedUp);
        assertThat(routes("courier-swp-2", "toPickUp")).containsKey(elsewhere).doesNotContainKeys(printed, reprinted);
    }

    @Test
    void parcelsThatArrivedAtTheirDestinationHubAreToBeDeliveredByItsCouriers() {
        String arrived = readModel.parcel().heldBy("HUB", "BSN-01").status("IN_TRANSIT", "ARRIVED_AT_HUB").insert().trackingNumber();
        String onTheWay = readModel.parcel().heldBy("HUB", "SEL-01").status("IN_TRANSIT", "DEPARTED_HUB").insert().trackingNumber();
        String outForDelivery = readModel.parcel().heldBy("COURIER", "courier-swp-2").status("OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY")
                .insert().trackingNumber();

        assertThat(routes("courier-swp-2", "toDeliver")).containsEntry(arrived, "BSN-01/BSN")
                .doesNotContainKeys(onTheWay, outForDelivery);
        assertThat(routes("courier-swp-1", "toDeliver")).doesNotContainKey(arrived);
    }

    @Test
    void withoutAListEachListHoldsItsFirstPage() {
        String held = readModel.parcel().heldBy("COURIER", "courier-swp-1").status("PICKED_UP", "PICKED_UP").insert().trackingNumber();

        client.get().uri("/courier/parcels?limit=100").header(HttpHeaders.AUTHORIZATION, bearer("courier-swp-1")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.held.routes[*].parcels[?(@.trackingNumber == '%s')]", held).exists()
                .jsonPath("$.toPickUp.routes").isArray()
                .jsonPath("$.toDeliver.routes").isArray();
        client.get().uri("/courier/parcels?list=toDeliver").header(HttpHeaders.AUTHORIZATION, bearer("courier-swp-1")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.toDeliver.routes").isArray()
                .jsonPath("$.held").doesNotExist()
                .jsonPath("$.toPickUp").doesNotExist();
    }

    /**
     * courier-blr-1 holds parcels on three routes: pages of three follow the routes in order, each route's
     * parcels oldest first, a route continuing on the next page; a parcel that joins the list before the page
     * already read shifts none of the pages after it.
     */
    @Test
    void aListIsPagedRouteByRoute() {
        Instant start = Instant.now().minus(Duration.ofHours(5));
        String[][] routes = {{"GGI", "SEL-02"}, {"SEL", "SEL-02"}, {"GWN", "SEL-02"}};
        Map<String, List<String>> byRoute = new TreeMap<>();
        for (int i = 0; i < 7; i++) {
            String[] route = routes[i % 3];
            String trackingNumber = readModel.parcel().carrier("BLR").heldBy("COURIER", "courier-blr-1")
                    .status("PICKED_UP", "PICKED_UP").route(route[0], route[1]).createdAt(start.plus(Duration.ofMinutes(i)))
                    .insert().trackingNumber();
            byRoute.computeIfAbsent(route[1] + "/" + route[0], key -> new ArrayList<>()).add(route[1] + "/" + route[0] + " " + trackingNumber);
        }
        List<String> expected = byRoute.values().stream().flatMap(List::stream).toList();

        Map<String, Object> first = page("courier-blr-1", "list=held&limit=3");
        String takenMeanwhile = readModel.parcel().carrier("BLR").heldBy("COURIER", "courier-blr-1").status("PICKED_UP", "PICKED_UP")
                .route("GGI", "SEL-02").createdAt(start.minus(Duration.ofHours(1))).insert().trackingNumber();
        List<String> seen = new ArrayList<>(entries(first, "held"));
        String cursor = (String) ((Map<?, ?>) first.get("held")).get("nextCursor");
        while (cursor != null) {
            Map<String, Object> next = page("courier-blr-1", "list=held&limit=3&cursor=" + cursor);
            assertThat(entries(next, "held")).hasSizeLessThanOrEqualTo(3);
            seen.addAll(entries(next, "held"));
            cursor = (String) ((Map<?, ?>) next.get("held")).get("nextCursor");
        }

        assertThat(seen.stream().filter(expected::contains).toList()).as("by route, then oldest first, each once")
                .containsExactlyElementsOf(expected);
        assertThat(seen).as("before the first page's end").doesNotContain("SEL-02/GGI " + takenMeanwhile);
    }

    @Test
    void theListAndItsPagingAreChecked() {
        for (String query : new String[] {"list=all", "list=HELD", "cursor=AAAA", "list=held&limit=101", "list=held&cursor=x"}) {
            list("courier-swp-1", query).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        }
        list("courier-swp-1", "cursor=AAAA").expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void onlyCouriersHaveParcelsToCarry() {
        for (String user : new String[] {"sender1", "admin-swp", "platform-admin", "auditor"}) {
            list(user, "").expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        }
        client.get().uri("/courier/parcels").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void itemsNameNoCustomer() {
        readModel.parcel().from("customer2").to("recipient1").heldBy("COURIER", "courier-nrt-1").carrier("NRT")
                .status("PICKED_UP", "PICKED_UP").insert();

        byte[] body = list("courier-nrt-1", "list=held&limit=100").expectStatus().isOk().expectBody()
                .returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("customer2", "recipient1", "courier-nrt-1");
    }

    private ResponseSpec list(String user, String query) {
        return client.get().uri("/courier/parcels?" + query).header(HttpHeaders.AUTHORIZATION, bearer(user)).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(String user, String query) {
        return list(user, query).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Tracking number to "hub/region" of every parcel in one of the courier's lists, over all its pages. */
    private Map<String, String> routes(String user, String list) {
        Map<String, String> routes = new LinkedHashMap<>();
        String cursor = null;
        do {
            Map<String, Object> page = page(user, "list=" + list + "&limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            for (String entry : entries(page, list)) {
                routes.put(entry.substring(entry.indexOf(' ') + 1), entry.substring(0, entry.indexOf(' ')));
            }
            cursor = (String) ((Map<?, ?>) page.get(list)).get("nextCursor");
        } while (cursor != null);
        return routes;
    }

    /** "hub/region trackingNumber" of each parcel on a page of one list, in order. */
    @SuppressWarnings("unchecked")
    private static List<String> entries(Map<String, Object> page, String list) {
        List<String> entries = new ArrayList<>();
        for (Map<String, Object> route : (List<Map<String, Object>>) ((Map<String, Object>) page.get(list)).get("routes")) {
            for (Map<String, Object> parcel : (List<Map<String, Object>>) route.get("parcels")) {
                entries.add(route.get("destinationHub") + "/" + route.get("destinationRegion") + " " + parcel.get("trackingNumber"));
            }
        }
        return entries;
    }
}
