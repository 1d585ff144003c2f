package com.exqress.command;

import com.exqress.label.LabelQrCodec;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelReference;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.exqress.command.WaybillApiClient.RECIPIENT_NAME;
import static com.exqress.command.WaybillApiClient.RECIPIENT_STREET;
import static com.exqress.command.WaybillApiClient.SEOUL_SENDER_NAME;
import static com.exqress.command.WaybillApiClient.SENDER_PHONE;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /scans: each custody step sees only what it needs, and every look at personal data is recorded. */
class ScansIT extends CommandApiIntegrationTest {

    private static final CarrierId SWP = new CarrierId("SWP");

    @Autowired
    LabelQrCodec codec;
    @Autowired
    MeterRegistry meters;

    @Test
    void pickupShowsTheCourierWhereToCollectAndRecordsThatTheyLooked() {
        String qr = printedLabel();

        String body = scan("courier-swp-1", qr, "PICKUP", null).expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains(SEOUL_SENDER_NAME, SENDER_PHONE, "12 Sejong-daero", "\"status\":\"IN_TRANSIT\"")
                .doesNotContain(RECIPIENT_NAME, RECIPIENT_STREET);
        assertThat(disclosuresOf(waybillOf(qr))).singleElement().satisfies(disclosure -> assertThat(disclosure)
                .contains("\"purpose\":\"PICKUP\"", "SENDER_ADDRESS", "courier-swp-1", "COURIER")
                .doesNotContain(SEOUL_SENDER_NAME, SENDER_PHONE));
    }

    /** Counted by action, outcome and role only: no tag names the waybill, the label or the courier. */
    @Test
    void aScanIsCountedAndTimedByActionAndItsDisclosureByRole() {
        String qr = printedLabel();
        double accepted = meters.counter("exqress.scans", "outcome", "accepted", "code", "NONE", "action", "PICKUP").count();
        long timed = meters.timer("exqress.scans.latency", "outcome", "accepted", "action", "PICKUP").count();
        double toCouriers = meters.counter("exqress.personal_data.disclosures", "role", "COURIER").count();
        double disclosedEvents = meters.counter("exqress.events.appended", "type", "PersonalDataDisclosed").count();
        double validLabels = meters.counter("exqress.labels.verifications", "result", "valid").count();

        scan("courier-swp-1", qr, "PICKUP", null).expectStatus().isOk();

        assertThat(meters.counter("exqress.scans", "outcome", "accepted", "code", "NONE", "action", "PICKUP").count() - accepted)
                .isEqualTo(1);
        assertThat(meters.timer("exqress.scans.latency", "outcome", "accepted", "action", "PICKUP").count() - timed).isEqualTo(1);
        assertThat(meters.counter("exqress.labels.verifications", "result", "valid").count() - validLabels).isEqualTo(1);
        assertThat(meters.counter("exqress.personal_data.disclosures", "role", "COURIER").count() - toCouriers).isEqualTo(1);
        assertThat(meters.counter("exqress.events.appended", "type", "PersonalDataDisclosed").count() - disclosedEvents)
                .isEqualTo(1);
        String waybill = waybillOf(qr);
        assertThat(meters.getMeters()).flatExtracting(meter -> meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains(waybill) || tag.getValue().contains("courier-swp-1")
                        || tag.getValue().contains(qr));
    }

    @Test
    void hubScansShowTheRoutingAndNoPersonalData() {
        String qr = printedLabel();
        scan("courier-swp-1", qr, "PICKUP", null).expectStatus().isOk();

        String body = scan("courier-swp-2", qr, "HUB_ARRIVAL", "BSN-01").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"destinationHub\":\"BSN-01\"", "\"region\":\"BSN\"")
                .doesNotContain(SEOUL_SENDER_NAME, SENDER_PHONE, RECIPIENT_NAME, RECIPIENT_STREET, "pickupFrom", "deliverTo");
        assertThat(disclosuresOf(waybillOf(qr))).hasSize(1);
    }

    @Test
    void theLastMileCourierSeesTheRecipientUntilDeliveryAndNothingAfter() {
        String qr = printedLabel();
        scan("courier-swp-1", qr, "PICKUP", null).expectStatus().isOk();
        scan("courier-swp-2", qr, "HUB_ARRIVAL", "BSN-01").expectStatus().isOk();

        String out = scan("courier-swp-2", qr, "OUT_FOR_DELIVERY", "BSN-01").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String delivered = scan("courier-swp-2", qr, "DELIVERED", null).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(out).contains("deliverTo", RECIPIENT_NAME, RECIPIENT_STREET, "010-5555-0101").doesNotContain(SEOUL_SENDER_NAME);
        assertThat(delivered).contains("\"status\":\"DELIVERED\"");
        scan("courier-swp-2", qr, "DELIVERY_FAILED", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TRANSITION");
        assertThat(disclosuresOf(waybillOf(qr))).extracting(d -> d.replaceAll("(?s).*\"purpose\":\"([A-Z_]+)\".*", "$1"))
                .containsExactly("PICKUP", "OUT_FOR_DELIVERY", "DELIVERED");
    }

    @Test
    void aRetriedScanReturnsTheFirstAnswerAndRecordsNothingNew() {
        String qr = printedLabel();
        String key = UUID.randomUUID().toString();

        String first = scanWithKey("courier-swp-1", qr, "PICKUP", key).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        long events = eventCount(waybillOf(qr));
        String retry = scanWithKey("courier-swp-1", qr, "PICKUP", key).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(retry).isEqualTo(first);
        assertThat(eventCount(waybillOf(qr))).isEqualTo(events);
    }

    @Test
    void partiesOutsideTheCarrierAndItsPartnersLearnNothing() {
        String qr = printedLabel();
        long events = eventCount(waybillOf(qr));

        for (String outsider : List.of("courier-nrt-1", "sender1", "customer2", "auditor")) {
            scan(outsider, qr, "PICKUP", null).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("LABEL_UNKNOWN");
        }
        assertThat(eventCount(waybillOf(qr))).isEqualTo(events);
        scan("courier-blr-1", qr, "PICKUP", null).expectStatus().isOk();
    }

    @Test
    void impossibleScansAreRefusedAndChangeNothing() {
        String qr = printedLabel();
        long events = eventCount(waybillOf(qr));

        scan("courier-swp-1", qr, "DELIVERED", null).expectStatus().value(status -> assertThat(status).isIn(403, 409));
        scan("courier-swp-1", qr, "HUB_DEPARTURE", "SEL-01").expectStatus().value(status -> assertThat(status).isIn(403, 409));
        scan("courier-swp-1", qr, "TELEPORTED", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        assertThat(eventCount(waybillOf(qr))).isEqualTo(events);
    }

    @Test
    void aTamperedLabelIsForged() {
        String qr = printedLabel();
        String tampered = qr.substring(0, 70) + (qr.charAt(70) == 'A' ? 'B' : 'A') + qr.substring(71);

        scan("courier-swp-1", tampered, "PICKUP", null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_FORGED");
    }

    @Test
    void oneDeviceCannotScanFasterThanItsLimit() {
        String device = "phone-" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            scanFromDevice(device, "not a label").expectStatus().isBadRequest();
        }

        scanFromDevice(device, "not a label").expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isPositive())
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
    }

    private String printedLabel() {
        String id = api.create(null);
        Map<?, ?> printed = api.post("/waybills/" + id + "/labels", "sender1", null, null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return codec.encode(SWP, new LabelReference(printed.get("labelReference").toString()));
    }

    private String waybillOf(String qr) {
        return jdbc.queryForObject("SELECT waybill_id::text FROM label_reference WHERE reference = ?", String.class,
                codec.verify(qr).reference().value());
    }

    private List<String> disclosuresOf(String waybillId) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = 'com.exqress.waybill.api.PersonalDataDisclosed' ORDER BY sequence_number", String.class, waybillId);
    }

    private long eventCount(String waybillId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, waybillId);
    }

    private WebTestClient.ResponseSpec scan(String user, String qr, String action, String hub) {
        return scanWithKey(user, qr, action, null, hub);
    }

    private WebTestClient.ResponseSpec scanWithKey(String user, String qr, String action, String key) {
        return scanWithKey(user, qr, action, key, null);
    }

    private WebTestClient.ResponseSpec scanWithKey(String user, String qr, String action, String key, String hub) {
        Map<String, Object> body = new HashMap<>(Map.of("qr", qr, "action", action, "deviceTime", "2026-11-23T09:15:00Z"));
        if (hub != null) {
            body.put("hub", hub);
        }
        return api.post("/scans", user, key, body);
    }

    private WebTestClient.ResponseSpec scanFromDevice(String device, String qr) {
        return webClient.post().uri("/scans").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", bearer("courier-swp-1")).header("X-Device-Id", device)
                .bodyValue(Map.of("qr", qr, "action", "PICKUP", "deviceTime", "2026-11-23T09:15:00Z")).exchange();
    }
}
