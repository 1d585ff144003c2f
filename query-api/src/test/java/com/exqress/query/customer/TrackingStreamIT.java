package com.exqress.query.customer;

import com.exqress.query.QueryApiIntegrationTest;
import com.exqress.query.ReadModelRows;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /tracking/{trackingNumber}/stream}: the view, live, as the projections service changes the parcel. */
class TrackingStreamIT extends QueryApiIntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENTS =
            new ParameterizedTypeReference<>() {
            };

    @Autowired
    MeterRegistry meters;

    @Test
    void aChangeOfTheParcelIsPushedAndTheStreamEndsAfterDisposal() {
        ReadModelRows.Parcel parcel = readModel.parcel().insert()
                .heldBy("COURIER", "courier-swp-1").change("PICKED_UP", "PICKED_UP", "SEL-01", Instant.now());

        try (LiveView view = open(parcel.trackingNumber(), "recipient1")) {
            assertThat(view.nextView()).containsEntry("status", "PICKED_UP");

            parcel.heldBy("HUB", "BSN-01").change("IN_TRANSIT", "ARRIVED_AT_HUB", "BSN-01", Instant.now());
            Map<String, Object> inTransit = view.nextView();
            assertThat(inTransit).containsEntry("status", "IN_TRANSIT").containsEntry("reason", "ARRIVED_AT_HUB");
            assertThat(inTransit.get("timeline").toString()).contains("ARRIVED_AT_HUB");

            parcel.heldBy("COURIER", "courier-swp-2").change("DELIVERED", "TO_RECIPIENT", "BSN-01", Instant.now());
            assertThat(view.nextView()).containsEntry("status", "DELIVERED").doesNotContainKey("nextStep");
            parcel.heldBy(null, null).change("DISPOSED", "RECIPIENT_REQUEST", "BSN-01", Instant.now());
            assertThat(view.nextView()).containsEntry("status", "DISPOSED");
            view.assertCompletes();
        }
    }

    @Test
    void aDisposedParcelsStreamEndsAfterItsOnlyView() {
        ReadModelRows.Parcel parcel = readModel.parcel().insert()
                .heldBy(null, null).change("DISPOSED", "SENDER_REQUEST", "SEL-01", Instant.now());

        try (LiveView view = open(parcel.trackingNumber(), "sender1")) {
            assertThat(view.nextView()).containsEntry("status", "DISPOSED");
            view.assertCompletes();
        }
    }

    @Test
    void changesOfOtherParcelsAreNotPushedButHeartbeatsAre() {
        ReadModelRows.Parcel mine = readModel.parcel().insert();
        ReadModelRows.Parcel other = readModel.parcel().insert();

        try (LiveView view = open(mine.trackingNumber(), "sender1")) {
            assertThat(view.nextView()).containsEntry("status", "INFO_RECEIVED");
            other.change("INFO_RECEIVED", "LABEL_PRINTED", "SEL-01", Instant.now());
            assertThat(view.nextComment()).isEqualTo("heartbeat");
            mine.change("INFO_RECEIVED", "LABEL_REPRINTED", "SEL-01", Instant.now());
            assertThat(view.nextView()).as("the next view is of my parcel's change, not of the other")
                    .containsEntry("reason", "LABEL_REPRINTED");
        }
    }

    @Test
    void aClientThatLeavesReleasesItsSubscription() throws InterruptedException {
        ReadModelRows.Parcel parcel = readModel.parcel().insert();
        double before = openStreams();

        LiveView view = open(parcel.trackingNumber(), "sender1");
        view.nextView();
        awaitOpenStreams(before + 1);
        view.close();

        awaitOpenStreams(before);
    }

    @Test
    void anotherCustomersStreamIsNotFound() {
        ReadModelRows.Parcel parcel = readModel.parcel().insert();

        for (String user : new String[] {"customer2", "courier-swp-1", "admin-swp"}) {
            client.get().uri("/tracking/{number}/stream", parcel.trackingNumber()).accept(MediaType.TEXT_EVENT_STREAM)
                    .header(HttpHeaders.AUTHORIZATION, bearer(user)).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("WAYBILL_NOT_FOUND");
        }
        client.get().uri("/tracking/{number}/stream", parcel.trackingNumber()).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isUnauthorized();
    }

    private LiveView open(String trackingNumber, String user) {
        return new LiveView(client.get().uri("/tracking/{number}/stream", trackingNumber)
                .accept(MediaType.TEXT_EVENT_STREAM).header(HttpHeaders.AUTHORIZATION, bearer(user))
                .exchange().expectStatus().isOk()
                .returnResult(EVENTS).getResponseBody());
    }

    private double openStreams() {
        return meters.get("exqress.tracking.streams").gauge().value();
    }

    private void awaitOpenStreams(double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (openStreams() != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(openStreams()).isEqualTo(expected);
    }
}
