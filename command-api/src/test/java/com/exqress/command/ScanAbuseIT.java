package com.exqress.command;

import com.exqress.identity.AccessTokens;
import com.exqress.identity.MintedTokens;
import com.exqress.label.LabelQrCodec;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelReference;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse (issue 7): a courier token with no right to a parcel scans its label in a loop, from a new device id
 * each time so that only the courier's own limit can stop it. It learns nothing, writes nothing, is cut off
 * with 429 RATE_LIMITED and Retry-After once its minute's allowance is spent, and every attempt shows in
 * the metrics without naming the parcel, the courier or a device.
 */
class ScanAbuseIT extends CommandApiIntegrationTest {

    /** The per-courier default, which this context keeps; the loop refills a few more while it runs. */
    private static final int PER_COURIER_PER_MINUTE = 120;
    private static final int MAX_ATTEMPTS = 2 * PER_COURIER_PER_MINUTE;

    @Autowired
    LabelQrCodec codec;
    @Autowired
    AccessTokens accessTokens;
    @Autowired
    MeterRegistry meters;

    @Test
    void aCourierOfANonPartnerScanningAParcelInALoopIsRateLimitedAndEveryAttemptIsCounted() {
        String waybill = api.create(null);
        String qr = printLabel(waybill);
        // A courier of NRT, a partner of neither SWP nor BLR, made up for this test: the limit it uses up is its own.
        String courier = "abuse-nrt-" + UUID.randomUUID();
        String token = new MintedTokens(accessTokens).courier(courier, "NRT", "DJN-01");
        long events = eventCount(waybill);
        double unknownBefore = scans("refused", "LABEL_UNKNOWN");
        double limitedBefore = scans("refused", "RATE_LIMITED");
        double courierLimitBefore = meters.counter("exqress.scans.rate_limited", "limit", "courier").count();

        List<EntityExchangeResult<Map>> answers = new ArrayList<>();
        EntityExchangeResult<Map> answer;
        do {
            answer = scan(token, "phone-" + UUID.randomUUID(), qr);
            answers.add(answer);
        } while (answer.getStatus().value() != 429 && answers.size() < MAX_ATTEMPTS);

        List<EntityExchangeResult<Map>> beforeTheLimit = answers.subList(0, answers.size() - 1);
        assertThat(answer.getStatus().value()).as("answer to attempt %d", answers.size()).isEqualTo(429);
        assertThat(answer.getResponseBody()).containsEntry("code", "RATE_LIMITED");
        assertThat(Long.parseLong(answer.getResponseHeaders().getFirst("Retry-After"))).isPositive();
        assertThat(beforeTheLimit).hasSizeGreaterThanOrEqualTo(PER_COURIER_PER_MINUTE).allSatisfy(refused -> {
            assertThat(refused.getStatus().value()).isEqualTo(404);
            assertThat(refused.getResponseBody()).containsEntry("code", "LABEL_UNKNOWN");
        });
        assertThat(eventCount(waybill)).isEqualTo(events);

        assertThat(scans("refused", "LABEL_UNKNOWN") - unknownBefore).isEqualTo(beforeTheLimit.size());
        assertThat(scans("refused", "RATE_LIMITED") - limitedBefore).isEqualTo(1);
        assertThat(meters.counter("exqress.scans.rate_limited", "limit", "courier").count() - courierLimitBefore).isEqualTo(1);
        assertThat(meters.get("exqress.scans.latency").tags("outcome", "refused", "action", "PICKUP").timer().count())
                .isGreaterThanOrEqualTo(answers.size());
        List<String> tagValues = meters.getMeters().stream().filter(meter -> meter.getId().getName().startsWith("exqress.scans"))
                .map(Meter::getId).flatMap(id -> id.getTags().stream()).map(Tag::getValue).toList();
        assertThat(tagValues).isNotEmpty().noneMatch(value -> value.contains(waybill) || value.contains(courier)
                || value.contains("phone-") || value.contains(qr) || value.contains(codec.verify(qr).reference().value()));
    }

    /** Verifying a label resolves it just as a scan does, so it is no way round the courier's allowance. */
    @Test
    void aCourierVerifyingAParcelsLabelInALoopIsRateLimitedToo() {
        String qr = printLabel(api.create(null));
        String courier = "abuse-nrt-" + UUID.randomUUID();
        String token = new MintedTokens(accessTokens).courier(courier, "NRT", "DJN-01");
        double courierLimitBefore = meters.counter("exqress.scans.rate_limited", "limit", "courier").count();

        List<EntityExchangeResult<Map>> answers = new ArrayList<>();
        EntityExchangeResult<Map> answer;
        do {
            answer = webClient.post().uri("/labels/verifications").contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + token).bodyValue(Map.of("qrText", qr))
                    .exchange().expectBody(Map.class).returnResult();
            answers.add(answer);
        } while (answer.getStatus().value() != 429 && answers.size() < MAX_ATTEMPTS);

        assertThat(answer.getStatus().value()).as("answer to attempt %d", answers.size()).isEqualTo(429);
        assertThat(answer.getResponseBody()).containsEntry("code", "RATE_LIMITED");
        assertThat(answers.subList(0, answers.size() - 1)).hasSizeGreaterThanOrEqualTo(PER_COURIER_PER_MINUTE)
                .allSatisfy(refused -> assertThat(refused.getResponseBody()).containsEntry("code", "LABEL_UNKNOWN"));
        assertThat(meters.counter("exqress.scans.rate_limited", "limit", "courier").count() - courierLimitBefore).isEqualTo(1);
    }

    private EntityExchangeResult<Map> scan(String token, String device, String qr) {
        return webClient.post().uri("/scans").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token).header("X-Device-Id", device)
                .bodyValue(Map.of("qr", qr, "action", "PICKUP", "deviceTime", "2026-11-23T09:15:00Z"))
                .exchange().expectBody(Map.class).returnResult();
    }

    private double scans(String outcome, String code) {
        return meters.counter("exqress.scans", "outcome", outcome, "code", code, "action", "PICKUP").count();
    }

    private String printLabel(String waybill) {
        Map<?, ?> printed = api.post("/waybills/" + waybill + "/labels", "sender1", null, null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return codec.encode(new CarrierId("SWP"), new LabelReference(printed.get("labelReference").toString()));
    }

    private long eventCount(String waybill) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, waybill);
    }
}
