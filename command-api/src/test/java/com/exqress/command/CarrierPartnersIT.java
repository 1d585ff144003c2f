package com.exqress.command;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Partnerships declared and withdrawn by carrier admins, and what they let other carriers' couriers do. */
class CarrierPartnersIT extends CommandApiIntegrationTest {

    @Test
    void theDemoPartnershipsAreSeeded() {
        partners(HttpMethod.GET, "/carriers/SWP/partners", "admin-swp").expectStatus().isOk()
                .expectBody().json("{\"carrier\":\"SWP\",\"partners\":[\"BLR\"]}", true);
        partners(HttpMethod.GET, "/carriers/BLR/partners", "admin-blr").expectStatus().isOk()
                .expectBody().json("{\"carrier\":\"BLR\",\"partners\":[\"SWP\"]}", true);
        partners(HttpMethod.GET, "/carriers/NRT/partners", "admin-nrt").expectStatus().isOk()
                .expectBody().json("{\"carrier\":\"NRT\",\"partners\":[]}", true);
    }

    @Test
    void aDeclaredPartnerMayCarryTheParcelsAndAWithdrawnOneMayNot() {
        String id = api.inCourierSwp1Hands();
        handOff(id, "courier-swp-1", Map.of("toCourier", "courier-nrt-1"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("CARRIER_NOT_PARTNER");
        long declaredBefore = partnershipEvents("SWP");

        partners(HttpMethod.PUT, "/carriers/SWP/partners/NRT", "admin-swp").expectStatus().isOk()
                .expectBody().json("{\"carrier\":\"SWP\",\"partners\":[\"BLR\",\"NRT\"]}", true);
        try {
            handOff(id, "courier-swp-1", Map.of("toCourier", "courier-nrt-1")).expectStatus().isOk();
            partners(HttpMethod.PUT, "/carriers/SWP/partners/NRT", "admin-swp").expectStatus().isOk()
                    .expectBody().json("{\"carrier\":\"SWP\",\"partners\":[\"BLR\",\"NRT\"]}", true);
            assertThat(partnershipEvents("SWP")).as("declared once, however often asked").isEqualTo(declaredBefore + 1);
        } finally {
            partners(HttpMethod.DELETE, "/carriers/SWP/partners/NRT", "admin-swp").expectStatus().isOk()
                    .expectBody().json("{\"carrier\":\"SWP\",\"partners\":[\"BLR\"]}", true);
        }

        handOff(id, "courier-nrt-1", Map.of("toHub", "DJN-01"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("CARRIER_NOT_PARTNER");
        // A former partner still hands the parcel back to its carrier.
        handOff(id, "courier-nrt-1", Map.of("toCourier", "courier-swp-1")).expectStatus().isOk();
        assertThat(partnershipEvents("SWP")).isEqualTo(declaredBefore + 2);
    }

    @Test
    void withdrawingACarrierThatIsNotAPartnerIsNotFoundAndRecordsNothing() {
        long before = partnershipEvents("NRT");

        partners(HttpMethod.DELETE, "/carriers/NRT/partners/SWP", "admin-nrt")
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("PARTNER_NOT_DECLARED");

        assertThat(partnershipEvents("NRT")).isEqualTo(before);
    }

    @Test
    void onlyTheCarriersOwnAdminsChangeItsPartners() {
        long before = partnershipEvents("SWP");

        for (String user : new String[] {"admin-nrt", "courier-swp-1", "platform-admin", "sender1", "auditor"}) {
            partners(HttpMethod.PUT, "/carriers/SWP/partners/NRT", user)
                    .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_PERMITTED");
            partners(HttpMethod.DELETE, "/carriers/SWP/partners/BLR", user)
                    .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_PERMITTED");
        }
        partners(HttpMethod.PUT, "/carriers/SWP/partners/NRT", null).expectStatus().isUnauthorized();

        assertThat(partnershipEvents("SWP")).isEqualTo(before);
    }

    @Test
    void onlyTheCarriersAdminsAndPlatformAdminsSeeItsPartners() {
        partners(HttpMethod.GET, "/carriers/SWP/partners", "platform-admin").expectStatus().isOk();
        for (String user : new String[] {"admin-nrt", "courier-swp-1", "sender1", "auditor"}) {
            partners(HttpMethod.GET, "/carriers/SWP/partners", user).expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        }
        partners(HttpMethod.GET, "/carriers/SWP/partners", null).expectStatus().isUnauthorized();
    }

    @Test
    void badPartnersAreRefusedWithTheirOwnCodes() {
        long before = partnershipEvents("SWP");

        partners(HttpMethod.PUT, "/carriers/SWP/partners/SWP", "admin-swp")
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("INVALID_PARTNER");
        partners(HttpMethod.PUT, "/carriers/SWP/partners/XYZ", "admin-swp")
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_CARRIER");
        partners(HttpMethod.PUT, "/carriers/SWP/partners/nrt", "admin-swp")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        partners(HttpMethod.PUT, "/carriers/XYZ/partners/SWP", "admin-swp")
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("CARRIER_NOT_FOUND");

        assertThat(partnershipEvents("SWP")).isEqualTo(before);
    }

    private WebTestClient.ResponseSpec partners(HttpMethod method, String path, String user) {
        WebTestClient.RequestBodySpec request = webClient.method(method).uri(path);
        if (user != null) {
            request.header("Authorization", bearer(user));
        }
        return request.exchange();
    }

    private WebTestClient.ResponseSpec handOff(String waybillId, String user, Map<String, String> to) {
        return api.post("/waybills/" + waybillId + "/handoffs", user, UUID.randomUUID().toString(), to);
    }

    private long partnershipEvents(String carrier) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, carrier);
    }
}
