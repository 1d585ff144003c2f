package com.exqress.command;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A client retrying with the same idempotency key gets the first answer and never a second event. */
class IdempotentRetriesIT extends CommandApiIntegrationTest {

    private static final String CREATED = "com.exqress.waybill.api.WaybillCreated";
    private static final String LABEL_PRINTED = "com.exqress.waybill.api.LabelPrinted";
    private static final String LABEL_REVOKED = "com.exqress.waybill.api.LabelRevoked";
    private static final String CUSTODY_TRANSFERRED = "com.exqress.waybill.api.CustodyTransferred";
    private static final String DELIVERED = "com.exqress.waybill.api.WaybillDelivered";
    private static final String DISPOSED = "com.exqress.waybill.api.WaybillDisposed";

    @Test
    void createRetriedWithTheSameKeyReturnsTheFirstWaybill() {
        String key = newKey();

        Map<?, ?> first = created(api.post("/waybills", "sender1", key, WaybillApiClient.createRequest("48094")));
        Map<?, ?> retry = created(api.post("/waybills", "sender1", key, WaybillApiClient.createRequest("48094")));

        assertThat(retry).isEqualTo(first);
        String id = first.get("waybillId").toString();
        assertThat(eventTypes(id)).containsExactly(CREATED);
        assertThat(creations("sender1", key)).isEqualTo(1);
        assertThat(eventsMentioning(key)).isEqualTo(1);
    }

    @Test
    void createRetriedWithFieldsReorderedAndOtherWhitespaceIsTheSameRequest() {
        String key = newKey();
        String body = """
                {"carrier":"SWP","service":"STANDARD","parcel":{"weightGrams":1200,"lengthCm":30,"widthCm":20,"heightCm":10},
                 "sender":{"name":"Kim Minji","phone":"010-1234-5678","address":{"line1":"12 Sejong-daero","city":"Seoul","postalCode":"04524","country":"KR"}},
                 "recipient":{"name":"Lee Jun","phone":"010-5555-0101","address":{"line1":"45 Haeundae-ro","city":"Busan","postalCode":"48094","country":"KR"}}}""";
        String reordered = """
                {  "recipient" : {"address":{"country":"KR","postalCode":"48094","city":"Busan","line1":"45 Haeundae-ro"},"phone":"010-5555-0101","name":"Lee Jun"},
                   "sender" : {"address":{"country":"KR","postalCode":"04524","city":"Seoul","line1":"12 Sejong-daero"},"phone":"010-1234-5678","name":"Kim Minji"},
                   "parcel" : {"heightCm":10,"widthCm":20,"lengthCm":30,"weightGrams":1200}, "service":"STANDARD", "carrier":"SWP"  }""";

        Map<?, ?> first = created(api.postRaw("/waybills", "sender1", key, MediaType.APPLICATION_JSON, body));
        Map<?, ?> retry = created(api.postRaw("/waybills", "sender1", key, MediaType.APPLICATION_JSON, reordered));

        assertThat(retry).isEqualTo(first);
        assertThat(creations("sender1", key)).isEqualTo(1);
    }

    @Test
    void concurrentCreatesWithTheSameKeyCreateOneWaybill() throws Exception {
        String key = newKey();
        int clients = 8;
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<EntityExchangeResult<Map>>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return api.post("/waybills", "sender1", key, WaybillApiClient.createRequest("48094"))
                            .expectBody(Map.class).returnResult();
                }));
            }
            Set<Object> waybillIds = new HashSet<>();
            Set<Object> trackingNumbers = new HashSet<>();
            for (Future<EntityExchangeResult<Map>> answer : answers) {
                EntityExchangeResult<Map> result = answer.get();
                assertThat(result.getStatus().value()).as("status of %s", result.getResponseBody()).isEqualTo(201);
                waybillIds.add(result.getResponseBody().get("waybillId"));
                trackingNumbers.add(result.getResponseBody().get("trackingNumber"));
            }

            assertThat(waybillIds).hasSize(1);
            assertThat(trackingNumbers).hasSize(1);
            assertThat(eventTypes(waybillIds.iterator().next().toString())).containsExactly(CREATED);
            assertThat(creations("sender1", key)).isEqualTo(1);
            assertThat(eventsMentioning(key)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theSameKeyFromTwoUsersCreatesTwoWaybills() {
        String key = newKey();

        Map<?, ?> senders = created(api.post("/waybills", "sender1", key, WaybillApiClient.createRequest("48094")));
        Map<?, ?> others = created(api.post("/waybills", "customer2", key, WaybillApiClient.createRequest("48094")));

        assertThat(others.get("waybillId")).isNotEqualTo(senders.get("waybillId"));
        assertThat(others.get("trackingNumber")).isNotEqualTo(senders.get("trackingNumber"));
        assertThat(eventTypes(senders.get("waybillId").toString())).containsExactly(CREATED);
        assertThat(eventTypes(others.get("waybillId").toString())).containsExactly(CREATED);
        assertThat(creations("sender1", key)).isEqualTo(1);
        assertThat(creations("customer2", key)).isEqualTo(1);
    }

    @Test
    void aRefusedCreateDoesNotUseUpItsKey() {
        String key = newKey();
        api.post("/waybills", "sender1", key, WaybillApiClient.createRequest("70000"))
                .expectStatus().isEqualTo(422);

        Map<?, ?> corrected = created(api.post("/waybills", "sender1", key, WaybillApiClient.createRequest("48094")));

        assertThat(eventTypes(corrected.get("waybillId").toString())).containsExactly(CREATED);
        assertThat(creations("sender1", key)).isEqualTo(1);
    }

    @Test
    void printRetriedWithTheSameKeyReturnsTheSameLabel() {
        String id = api.create(null);
        String key = newKey();

        Map<?, ?> first = ok(api.post("/waybills/" + id + "/labels", "sender1", key, null));
        Map<?, ?> retry = ok(api.post("/waybills/" + id + "/labels", "sender1", key, null));

        assertThat(first.get("labelReference")).isNotNull();
        assertThat(retry).isEqualTo(first);
        assertThat(eventTypes(id)).containsExactly(CREATED, LABEL_PRINTED);
    }

    @Test
    void handOffRetriedWithTheSameKeyStoresOneTransfer() {
        String id = api.labelled();
        String key = newKey();
        Map<String, String> toCourier = Map.of("toCourier", "courier-swp-1");

        Map<?, ?> first = ok(api.post("/waybills/" + id + "/handoffs", "sender1", key, toCourier));
        Map<?, ?> retry = ok(api.post("/waybills/" + id + "/handoffs", "sender1", key, toCourier));

        assertThat(first.get("status")).isEqualTo("IN_TRANSIT");
        assertThat(retry).isEqualTo(first);
        assertThat(eventTypes(id)).containsExactly(CREATED, LABEL_PRINTED, CUSTODY_TRANSFERRED);
    }

    @Test
    void handOffRetriedAfterTheParcelMovedOnStillSucceeds() {
        String id = api.labelled();
        String sendersKey = newKey();
        String couriersKey = newKey();
        Map<?, ?> toCourier = ok(api.post("/waybills/" + id + "/handoffs", "sender1", sendersKey,
                Map.of("toCourier", "courier-swp-1")));
        Map<?, ?> toHub = ok(api.post("/waybills/" + id + "/handoffs", "courier-swp-1", couriersKey,
                Map.of("toHub", "BSN-01")));
        ok(api.post("/waybills/" + id + "/handoffs", "courier-swp-2", null, Map.of("toCourier", "courier-swp-2")));

        Map<?, ?> sendersRetry = ok(api.post("/waybills/" + id + "/handoffs", "sender1", sendersKey,
                Map.of("toCourier", "courier-swp-1")));
        Map<?, ?> couriersRetry = ok(api.post("/waybills/" + id + "/handoffs", "courier-swp-1", couriersKey,
                Map.of("toHub", "BSN-01")));

        assertThat(sendersRetry).isEqualTo(toCourier);
        assertThat(couriersRetry).isEqualTo(toHub);
        assertThat(eventTypes(id)).containsExactly(CREATED, LABEL_PRINTED,
                CUSTODY_TRANSFERRED, CUSTODY_TRANSFERRED, CUSTODY_TRANSFERRED);
    }

    @Test
    void aRefusedHandOffDoesNotUseUpItsKey() {
        String id = api.inCourierSwp1Hands();
        String key = newKey();
        api.post("/waybills/" + id + "/handoffs", "courier-swp-1", key, Map.of("toCourier", "courier-nrt-1"))
                .expectStatus().isEqualTo(422);

        Map<?, ?> corrected = ok(api.post("/waybills/" + id + "/handoffs", "courier-swp-1", key,
                Map.of("toCourier", "courier-blr-1")));

        assertThat(corrected.get("status")).isEqualTo("IN_TRANSIT");
        assertThat(eventTypes(id)).containsExactly(CREATED, LABEL_PRINTED, CUSTODY_TRANSFERRED, CUSTODY_TRANSFERRED);
    }

    @Test
    void deliveryAndDisposalRetriedWithTheSameKeyStoreOneEventEach() {
        String id = api.inCourierSwp1Hands();
        String deliveryKey = newKey();
        String disposalKey = newKey();
        Map<String, String> delivery = Map.of("method", "TO_RECIPIENT", "receivedBy", "Lee Jun");

        Map<?, ?> delivered = ok(api.post("/waybills/" + id + "/delivery", "courier-swp-1", deliveryKey, delivery));
        Map<?, ?> deliveryRetry = ok(api.post("/waybills/" + id + "/delivery", "courier-swp-1", deliveryKey, delivery));
        Map<?, ?> disposed = ok(api.post("/waybills/" + id + "/disposal", "recipient1", disposalKey, null));
        Map<?, ?> disposalRetry = ok(api.post("/waybills/" + id + "/disposal", "recipient1", disposalKey, null));
        Map<?, ?> lateDeliveryRetry = ok(api.post("/waybills/" + id + "/delivery", "courier-swp-1", deliveryKey, delivery));

        assertThat(delivered.get("status")).isEqualTo("DELIVERED");
        assertThat(deliveryRetry).isEqualTo(delivered);
        assertThat(lateDeliveryRetry).as("a retry after disposal still gets the first answer").isEqualTo(delivered);
        assertThat(disposed.get("status")).isEqualTo("DISPOSED");
        assertThat(disposalRetry).isEqualTo(disposed);
        assertThat(eventTypes(id)).containsExactly(CREATED, LABEL_PRINTED, CUSTODY_TRANSFERRED,
                DELIVERED, LABEL_REVOKED, DISPOSED);
    }

    @Test
    void printsWithoutAKeyAreNotDeduplicated() {
        String id = api.create(null);

        Map<?, ?> first = ok(api.post("/waybills/" + id + "/labels", "sender1", null, null));
        Map<?, ?> second = ok(api.post("/waybills/" + id + "/labels", "sender1", null, null));

        assertThat(second.get("labelReference")).isNotEqualTo(first.get("labelReference"));
        assertThat(eventTypes(id)).containsExactly(CREATED, LABEL_PRINTED, LABEL_REVOKED, LABEL_PRINTED);
    }

    @Test
    void createsWithoutAKeyAreNotDeduplicated() {
        Map<?, ?> first = created(api.post("/waybills", "sender1", null, WaybillApiClient.createRequest("48094")));
        Map<?, ?> second = created(api.post("/waybills", "sender1", null, WaybillApiClient.createRequest("48094")));

        assertThat(second.get("waybillId")).isNotEqualTo(first.get("waybillId"));
        assertThat(eventTypes(first.get("waybillId").toString())).containsExactly(CREATED);
        assertThat(eventTypes(second.get("waybillId").toString())).containsExactly(CREATED);
    }

    private static Map<?, ?> created(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static Map<?, ?> ok(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<String> eventTypes(String waybillId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, waybillId);
    }

    private long creations(String actor, String key) {
        return jdbc.queryForObject("SELECT count(*) FROM waybill_creation WHERE actor_id = ? AND idempotency_key = ?",
                Long.class, actor, key);
    }

    /** Events whose provenance carries this idempotency key. */
    private long eventsMentioning(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry "
                + "WHERE position(? in convert_from(payload, 'UTF8')) > 0", Long.class, "\"" + key + "\"");
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
