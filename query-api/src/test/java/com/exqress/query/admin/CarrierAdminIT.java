package com.exqress.query.admin;

import com.exqress.query.QueryApiIntegrationTest;
import com.exqress.query.ReadModelRows;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/carriers/{carrierId}/overview} and {@code /waybills}, on NRT's parcels. Other tests add parcels
 * too, so counts are compared before and after, and lists are searched for this test's own parcels.
 */
class CarrierAdminIT extends QueryApiIntegrationTest {

    private final Instant now = Instant.now();

    @Test
    void theOverviewCountsByStatusStuckParcelsFailedDeliveriesAndArrivalsPerHour() {
        Map<String, Object> before = overview("admin-nrt");
        nrtParcel().status("IN_TRANSIT", "ARRIVED_AT_HUB").statusSince(now.minus(Duration.ofDays(3))).insert();
        nrtParcel().status("IN_TRANSIT", "ARRIVED_AT_HUB").statusSince(now.minus(Duration.ofHours(1))).insert();
        // stuck after the 6 hours configured for this status, not after the default 48
        nrtParcel().status("OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY").statusSince(now.minus(Duration.ofHours(7))).insert();
        nrtParcel().status("DELIVERED", "TO_RECIPIENT").statusSince(now.minus(Duration.ofDays(10))).insert();
        nrtParcel().insert().timeline(now.minus(Duration.ofHours(2)), "DELIVERY_FAILED", "DELIVERY_ATTEMPT_FAILED", "DJN-01")
                .timeline(now.minus(Duration.ofHours(30)), "DELIVERY_FAILED", "DELIVERY_ATTEMPT_FAILED", "DJN-01");
        String hub = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Instant thisHour = now.truncatedTo(ChronoUnit.HOURS);
        readModel.throughput("NRT", hub, thisHour.minus(Duration.ofHours(2)), 4);
        readModel.throughput("NRT", hub, thisHour.minus(Duration.ofHours(30)), 9);

        Map<String, Object> after = overview("admin-nrt");

        assertThat(after.get("carrier")).isEqualTo("NRT");
        Map<String, Integer> counted = change(byStatus(before), byStatus(after));
        assertThat(counted).containsOnlyKeys("INFO_RECEIVED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY",
                "DELIVERY_FAILED", "DELIVERED", "RETURNED", "DISPOSED");
        assertThat(counted).containsEntry("IN_TRANSIT", 2).containsEntry("OUT_FOR_DELIVERY", 1)
                .containsEntry("DELIVERED", 1).containsEntry("INFO_RECEIVED", 1).containsEntry("DISPOSED", 0);
        assertThat(stuck(after)).containsOnlyKeys("INFO_RECEIVED PT48H", "PICKED_UP PT48H", "IN_TRANSIT PT48H",
                "OUT_FOR_DELIVERY PT6H", "DELIVERY_FAILED PT48H");
        assertThat(change(stuck(before), stuck(after))).containsEntry("IN_TRANSIT PT48H", 1)
                .containsEntry("OUT_FOR_DELIVERY PT6H", 1).containsEntry("INFO_RECEIVED PT48H", 0);
        assertThat((Integer) after.get("failedDeliveries") - (Integer) before.get("failedDeliveries")).isEqualTo(1);
        assertThat(Instant.parse((String) after.get("since"))).isEqualTo(thisHour.minus(Duration.ofHours(23)));
        assertThat(throughput(after, hub)).containsExactly(thisHour.minus(Duration.ofHours(2)) + " 4");
    }

    @Test
    void carrierAdminsSeeTheirCarrierAndPlatformAdminsEveryCarrier() {
        admin("admin-nrt", "/admin/carriers/NRT/overview").expectStatus().isOk();
        admin("platform-admin", "/admin/carriers/NRT/overview").expectStatus().isOk();
        admin("platform-admin", "/admin/carriers/SWP/waybills").expectStatus().isOk();
        for (String user : new String[] {"admin-swp", "courier-nrt-1", "sender1", "auditor"}) {
            admin(user, "/admin/carriers/NRT/overview").expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
            admin(user, "/admin/carriers/NRT/waybills").expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        }
        for (String carrier : new String[] {"XYZ", "nrt", "NRTX"}) {
            admin("platform-admin", "/admin/carriers/" + carrier + "/overview").expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("CARRIER_NOT_FOUND");
        }
        client.get().uri("/admin/carriers/NRT/overview").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void waybillsAreFilteredByStatusAndByHowLongTheyHaveBeenStuckLongestFirst() {
        String stuckInTransit = nrtParcel().status("IN_TRANSIT", "ARRIVED_AT_HUB").statusSince(now.minus(Duration.ofDays(3)))
                .insert().trackingNumber();
        String inTransit = nrtParcel().status("IN_TRANSIT", "ARRIVED_AT_HUB").statusSince(now.minus(Duration.ofHours(1)))
                .insert().trackingNumber();
        String outForDelivery = nrtParcel().status("OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY").statusSince(now.minus(Duration.ofHours(7)))
                .insert().trackingNumber();
        String deliveredLongAgo = nrtParcel().status("DELIVERED", "TO_RECIPIENT").statusSince(now.minus(Duration.ofDays(10)))
                .insert().trackingNumber();
        List<String> mine = List.of(stuckInTransit, inTransit, outForDelivery, deliveredLongAgo);

        assertThat(own(all("admin-nrt", ""), mine)).as("longest in its status first")
                .containsExactly(deliveredLongAgo, stuckInTransit, outForDelivery, inTransit);
        assertThat(own(all("admin-nrt", "status=IN_TRANSIT"), mine)).containsExactly(stuckInTransit, inTransit);
        assertThat(own(all("admin-nrt", "stuckFor=P2D"), mine)).as("a delivered parcel is never stuck")
                .containsExactly(stuckInTransit);
        assertThat(own(all("platform-admin", "status=OUT_FOR_DELIVERY&stuckFor=PT6H"), mine)).containsExactly(outForDelivery);
        assertThat(own(all("admin-nrt", "status=DELIVERED&stuckFor=PT1H"), mine)).isEmpty();
    }

    @Test
    void filtersAndPagingAreChecked() {
        Map<String, String> refused = Map.of(
                "status=LOST", "status", "status=in_transit", "status", "stuckFor=48h", "stuckFor", "stuckFor=PT0S", "stuckFor",
                "stuckFor=-PT1H", "stuckFor", "limit=101", "limit", "limit=0", "limit", "cursor=AAAA", "cursor");
        refused.forEach((query, field) -> admin("admin-nrt", "/admin/carriers/NRT/waybills?" + query)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED").jsonPath("$.errors[0].field").isEqualTo(field));
    }

    @Test
    void theCarriersAdminsSeeWhichOfTheirCouriersHoldsAParcelPlatformAdminsOnlyWhatKindOfHolder() {
        ReadModelRows.Parcel withCourier = nrtParcel().from("customer2").heldBy("COURIER", "courier-nrt-1")
                .lastMileCourier("courier-nrt-1").status("OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY").insert();
        ReadModelRows.Parcel withSender = nrtParcel().from("customer2").insert();

        Map<String, Map<String, Object>> forAdmin = byTrackingNumber(all("admin-nrt", ""));
        assertThat(forAdmin.get(withCourier.trackingNumber())).containsEntry("holderKind", "COURIER")
                .containsEntry("holderId", "courier-nrt-1").containsEntry("lastMileCourier", "courier-nrt-1")
                .containsEntry("waybillId", withCourier.waybillId().toString()).containsEntry("destinationHub", "BSN-01");
        assertThat(forAdmin.get(withSender.trackingNumber())).containsEntry("holderKind", "SENDER").doesNotContainKey("holderId");

        Map<String, Map<String, Object>> forPlatform = byTrackingNumber(all("platform-admin", ""));
        assertThat(forPlatform.get(withCourier.trackingNumber())).containsEntry("holderKind", "COURIER")
                .doesNotContainKeys("holderId", "lastMileCourier");

        String platformBody = new String(admin("platform-admin", "/admin/carriers/NRT/waybills?limit=100").expectBody()
                .returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(platformBody).doesNotContain("customer2", "recipient1", "courier-nrt-1");
        String adminBody = new String(admin("admin-nrt", "/admin/carriers/NRT/waybills?limit=100").expectBody()
                .returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(adminBody).doesNotContain("customer2", "recipient1");
    }

    /** A parcel of NRT, whose admin and courier no other test class uses. */
    private ReadModelRows.Parcel nrtParcel() {
        return readModel.parcel().carrier("NRT").origin("DJN-01");
    }

    private ResponseSpec admin(String user, String path) {
        return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(user)).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> overview(String user) {
        return admin(user, "/admin/carriers/NRT/overview").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    /** Every page of NRT's waybills for a filter, checking that none is longer than asked. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> all(String user, String filter) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = admin(user, "/admin/carriers/NRT/waybills?limit=7&" + filter
                    + (cursor == null ? "" : "&cursor=" + cursor)).expectStatus().isOk().expectBody(Map.class)
                    .returnResult().getResponseBody();
            List<Map<String, Object>> pageItems = (List<Map<String, Object>>) page.get("items");
            assertThat(pageItems).hasSizeLessThanOrEqualTo(7);
            items.addAll(pageItems);
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return items;
    }

    private static List<String> own(List<Map<String, Object>> items, List<String> mine) {
        return items.stream().map(item -> (String) item.get("trackingNumber")).filter(mine::contains).toList();
    }

    private static Map<String, Map<String, Object>> byTrackingNumber(List<Map<String, Object>> items) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        items.forEach(item -> found.put((String) item.get("trackingNumber"), item));
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> byStatus(Map<String, Object> overview) {
        return (Map<String, Integer>) overview.get("byStatus");
    }

    /** "STATUS threshold" to the number stuck. */
    @SuppressWarnings("unchecked")
    private static Map<String, Integer> stuck(Map<String, Object> overview) {
        Map<String, Integer> stuck = new LinkedHashMap<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) overview.get("stuck")) {
            stuck.put(entry.get("status") + " " + entry.get("after"), (Integer) entry.get("parcels"));
        }
        return stuck;
    }

    @SuppressWarnings("unchecked")
    private static List<String> throughput(Map<String, Object> overview, String hub) {
        return ((List<Map<String, Object>>) overview.get("throughput")).stream()
                .filter(hour -> hub.equals(hour.get("hub")))
                .map(hour -> Instant.parse((String) hour.get("hour")) + " " + hour.get("arrivals"))
                .toList();
    }

    private static Map<String, Integer> change(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> change = new LinkedHashMap<>();
        after.forEach((key, count) -> change.put(key, count - before.getOrDefault(key, 0)));
        return change;
    }
}
