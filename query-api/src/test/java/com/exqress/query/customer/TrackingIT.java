package com.exqress.query.customer;

import com.exqress.query.QueryApiIntegrationTest;
import com.exqress.query.ReadModelRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /tracking/{trackingNumber}}: the parcel's sender and recipient see it, nobody else learns it exists. */
class TrackingIT extends QueryApiIntegrationTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private ReadModelRows.Parcel parcel;

    /** Out for delivery with courier-swp-2, who, like courier-swp-1 at pickup, was shown personal data. */
    @BeforeEach
    void outForDelivery() {
        parcel = readModel.parcel().createdAt(START).insert()
                .timeline(START.plusSeconds(60), "INFO_RECEIVED", "LABEL_PRINTED", null)
                .heldBy("COURIER", "courier-swp-1").change("PICKED_UP", "PICKED_UP", "SEL-01", START.plusSeconds(120))
                .disclosure(START.plusSeconds(120), "COURIER", "SWP", "PICKUP", "SENDER_NAME", "SENDER_ADDRESS", "SENDER_PHONE")
                .heldBy("HUB", "BSN-01").change("IN_TRANSIT", "ARRIVED_AT_HUB", "BSN-01", START.plusSeconds(300))
                .heldBy("COURIER", "courier-swp-2").lastMileCourier("courier-swp-2")
                .change("OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY", "BSN-01", START.plusSeconds(480))
                .disclosure(START.plusSeconds(480), "COURIER", "SWP", "OUT_FOR_DELIVERY", "RECIPIENT_NAME",
                        "RECIPIENT_ADDRESS", "RECIPIENT_PHONE");
    }

    @Test
    void theSenderSeesStatusNextStepTimelineAndWhoLookedAtTheirData() {
        byte[] body = track(parcel.trackingNumber(), "sender1").expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json("""
                        {"trackingNumber":"%s","carrier":"SWP","status":"OUT_FOR_DELIVERY","reason":"OUT_FOR_DELIVERY",
                         "statusSince":"2026-03-02T09:08:00Z","nextStep":{"step":"DELIVERY"},
                         "timeline":[
                           {"at":"2026-03-02T09:00:00Z","status":"INFO_RECEIVED","reason":"WAYBILL_CREATED","hub":"SEL-01"},
                           {"at":"2026-03-02T09:01:00Z","status":"INFO_RECEIVED","reason":"LABEL_PRINTED"},
                           {"at":"2026-03-02T09:02:00Z","status":"PICKED_UP","reason":"PICKED_UP","hub":"SEL-01"},
                           {"at":"2026-03-02T09:05:00Z","status":"IN_TRANSIT","reason":"ARRIVED_AT_HUB","hub":"BSN-01"},
                           {"at":"2026-03-02T09:08:00Z","status":"OUT_FOR_DELIVERY","reason":"OUT_FOR_DELIVERY","hub":"BSN-01"}],
                         "disclosures":[
                           {"at":"2026-03-02T09:02:00Z","role":"COURIER","carrier":"SWP","purpose":"PICKUP",
                            "fields":["SENDER_NAME","SENDER_ADDRESS","SENDER_PHONE"]},
                           {"at":"2026-03-02T09:08:00Z","role":"COURIER","carrier":"SWP","purpose":"OUT_FOR_DELIVERY",
                            "fields":["RECIPIENT_NAME","RECIPIENT_ADDRESS","RECIPIENT_PHONE"]}]}
                        """.formatted(parcel.trackingNumber()), true)
                .returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).as("no account of a customer or courier").doesNotContain("sender1", "recipient1", "courier-swp");
    }

    @Test
    void theRecipientSeesTheSameView() {
        track(parcel.trackingNumber(), "recipient1").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OUT_FOR_DELIVERY")
                .jsonPath("$.timeline.length()").isEqualTo(5)
                .jsonPath("$.disclosures.length()").isEqualTo(2);
    }

    @Test
    void theNextStepOfAParcelInTransitIsItsDestinationHub() {
        ReadModelRows.Parcel inTransit = readModel.parcel().insert()
                .heldBy("HUB", "SEL-01").change("IN_TRANSIT", "ARRIVED_AT_HUB", "SEL-01", Instant.now());

        track(inTransit.trackingNumber(), "recipient1").expectStatus().isOk()
                .expectBody().jsonPath("$.nextStep.step").isEqualTo("ARRIVE_AT_DESTINATION_HUB")
                .jsonPath("$.nextStep.hub").isEqualTo("BSN-01");
    }

    @Test
    void anotherCustomerIsToldItDoesNotExist() {
        track(parcel.trackingNumber(), "customer2").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("WAYBILL_NOT_FOUND");
    }

    @Test
    void carrierStaffAdminsAndAuditorsAreToldItDoesNotExist() {
        for (String user : new String[] {"courier-swp-2", "admin-swp", "platform-admin", "auditor"}) {
            track(parcel.trackingNumber(), user).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("WAYBILL_NOT_FOUND");
        }
    }

    @Test
    void anUnknownOrMalformedTrackingNumberIsNotFound() {
        for (String number : new String[] {"SWP00000000000", "SWP123", "swp-anything", parcel.trackingNumber().toLowerCase()}) {
            track(number, "sender1").expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("WAYBILL_NOT_FOUND");
        }
    }

    @Test
    void withoutATokenNothingIsSaid() {
        client.get().uri("/tracking/{number}", parcel.trackingNumber()).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    private ResponseSpec track(String number, String user) {
        return client.get().uri("/tracking/{number}", number).header(HttpHeaders.AUTHORIZATION, bearer(user)).exchange();
    }
}
