package com.exqress.command;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One parcel's whole life over HTTP, against the command-api on a real PostgreSQL. */
class WaybillLifecycleIT extends CommandApiIntegrationTest {

    @Test
    void parcelGoesFromCreateToDisposeAndEveryStepIsStoredInOrder() {
        String id = api.create(UUID.randomUUID().toString());
        api.post("/waybills/" + id + "/labels", "sender1", null, null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("LABEL_PRINTED")
                .jsonPath("$.labelReference").value(ref -> assertThat(ref.toString()).matches("[0-9A-F]{32}"));
        api.post("/waybills/" + id + "/handoffs", "sender1", null, Map.of("toCourier", "courier-swp-1"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IN_TRANSIT");
        api.post("/waybills/" + id + "/handoffs", "courier-swp-1", null, Map.of("toHub", "BSN-01"))
                .expectStatus().isOk();
        api.post("/waybills/" + id + "/handoffs", "courier-swp-2", null, Map.of("toCourier", "courier-swp-2"))
                .expectStatus().isOk();
        api.post("/waybills/" + id + "/delivery", "courier-swp-2", null,
                        Map.of("method", "TO_RECIPIENT", "receivedBy", "Lee Jun", "photoReference", "photo-1"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DELIVERED");
        api.post("/waybills/" + id + "/disposal", "recipient1", null, null)
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DISPOSED");

        assertThat(storedEventTypes(id)).containsExactly(
                "com.exqress.waybill.api.WaybillCreated",
                "com.exqress.waybill.api.LabelPrinted",
                "com.exqress.waybill.api.CustodyTransferred",
                "com.exqress.waybill.api.CustodyTransferred",
                "com.exqress.waybill.api.CustodyTransferred",
                "com.exqress.waybill.api.WaybillDelivered",
                "com.exqress.waybill.api.LabelRevoked",
                "com.exqress.waybill.api.WaybillDisposed");
    }

    @Test
    void destinationIsRoutedFromThePostalCode() {
        String id = api.create(null);

        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, id);
        assertThat(payload).contains("\"region\":\"BSN\"").contains("\"destinationHub\":{\"value\":\"BSN-01\"}");
    }

    private List<String> storedEventTypes(String id) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, id);
    }
}
