package com.exqress.command;

import com.exqress.command.retention.RetentionSweeper;
import com.exqress.label.LabelQrCodec;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.DisposalReason;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.WaybillDisposed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Disposal when the retention period after delivery has run out, with a period of one second. Its own context,
 * closed after these tests, so that a sweeper this eager never meets another test's parcels.
 */
@TestPropertySource(properties = {"exqress.retention.after-delivery=PT1S", "exqress.retention.sweep-interval=PT0.2S"})
@DirtiesContext
class RetentionIT extends CommandApiIntegrationTest {

    private static final CarrierId SWP = new CarrierId("SWP");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EventStore eventStore;
    @Autowired
    LabelQrCodec codec;
    @Autowired
    RetentionSweeper sweeper;

    /** Tests that sweep by hand stop the scheduled sweeps first. */
    @AfterEach
    void resumeScheduledSweeps() {
        if (!sweeper.isRunning()) {
            sweeper.start();
        }
    }

    @Test
    void aDeliveredParcelIsDisposedOfWhenItsRetentionExpiresAndAnUndeliveredOneIsKept() {
        // The older of the two, so it would be due first if the period ran from anything but delivery.
        String undelivered = api.inCourierSwp1Hands();
        String delivered = api.create(null);
        String reference = api.post("/waybills/" + delivered + "/labels", "sender1", null, null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("labelReference").toString();
        String qrText = codec.encode(SWP, new LabelReference(reference));
        verifyAs("admin-swp", qrText).expectStatus().isOk();
        deliverBySwp1(delivered);

        WaybillDisposed disposal = await().atMost(PATIENCE)
                .until(() -> disposals(delivered), disposals -> !disposals.isEmpty()).get(0);

        assertThat(disposal.reason()).isEqualTo(DisposalReason.RETENTION_EXPIRED);
        assertThat(disposal.provenance().actor()).isEqualTo(Actor.carrierAdmin("retention-policy", SWP));
        verifyAs("admin-swp", qrText).expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.code").isEqualTo("LABEL_DISPOSED");
        assertThat(hasDataKey(delivered)).as("its personal data is unreadable").isFalse();
        assertThat(deliveredAtOnSchedule(undelivered)).as("scheduled, but not yet due").containsExactly((Object) null);
        assertThat(disposals(undelivered)).isEmpty();
        assertThat(hasDataKey(undelivered)).isTrue();
    }

    @Test
    void twoSweepsAtOnceDisposeOfADueWaybillOnce() throws Exception {
        sweeper.stop();
        String id = deliveredParcel();
        await().atMost(PATIENCE).until(() -> isDue(id));

        // Both read the same due row, as two replicas would.
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sweeps = List.of(
                    replicas.submit(() -> {
                        together.await();
                        return sweeper.sweep();
                    }),
                    replicas.submit(() -> {
                        together.await();
                        return sweeper.sweep();
                    }));
            for (Future<Integer> sweep : sweeps) {
                sweep.get();
            }
        } finally {
            replicas.shutdownNow();
        }

        assertThat(disposals(id)).singleElement()
                .extracting(WaybillDisposed::reason).isEqualTo(DisposalReason.RETENTION_EXPIRED);
        assertThat(deliveredAtOnSchedule(id)).isEmpty();
    }

    @Test
    void aWaybillDisposedOfOtherwiseJustLeavesTheSchedule() {
        sweeper.stop();
        String id = deliveredParcel();
        api.post("/waybills/" + id + "/disposal", "recipient1", null, null).expectStatus().isOk();
        await().atMost(PATIENCE).until(() -> deliveredAtOnSchedule(id).isEmpty());
        // As a sweep finds it when the schedule has not yet seen the disposal.
        jdbc.update("INSERT INTO retention_due (waybill_id, carrier_id, delivered_at) VALUES (?, 'SWP', ?)",
                UUID.fromString(id), OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));

        sweeper.sweep();

        assertThat(deliveredAtOnSchedule(id)).isEmpty();
        assertThat(disposals(id)).singleElement()
                .extracting(WaybillDisposed::reason).isEqualTo(DisposalReason.RECIPIENT_REQUEST);
    }

    private String deliveredParcel() {
        String id = api.labelled();
        deliverBySwp1(id);
        return id;
    }

    /** Hands the labelled parcel to courier-swp-1, who delivers it. */
    private void deliverBySwp1(String id) {
        api.post("/waybills/" + id + "/handoffs", "sender1", null, Map.of("toCourier", "courier-swp-1"))
                .expectStatus().isOk();
        api.post("/waybills/" + id + "/delivery", "courier-swp-1", null,
                        Map.of("method", "TO_RECIPIENT", "receivedBy", "Lee Jun", "photoReference", "photo-1"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DELIVERED");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec verifyAs(String user, String qrText) {
        return api.post("/labels/verifications", user, null, Map.of("qrText", qrText));
    }

    /** Read by payload type first: the other events are not deserialised. */
    private List<WaybillDisposed> disposals(String id) {
        return eventStore.readEvents(id).asStream()
                .filter(event -> event.getPayloadType() == WaybillDisposed.class)
                .map(DomainEventMessage::getPayload)
                .map(WaybillDisposed.class::cast)
                .toList();
    }

    /** The waybill's delivery time on the retention schedule: none when it is not on it, null before delivery. */
    private List<Object> deliveredAtOnSchedule(String id) {
        return jdbc.query("SELECT delivered_at FROM retention_due WHERE waybill_id = ?",
                (row, number) -> row.getObject("delivered_at"), UUID.fromString(id));
    }

    private boolean hasDataKey(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM data_key "
                + "WHERE waybill_id = ? AND wrapped_key IS NOT NULL)", Boolean.class, UUID.fromString(id)));
    }

    private boolean isDue(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM retention_due "
                + "WHERE waybill_id = ? AND delivered_at < ?)", Boolean.class, UUID.fromString(id),
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1)));
    }
}
