package com.exqress.command;

import com.exqress.identity.DemoLogins;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

/** Requests the way a courier app or a customer web client sends them, logged in as a demo user. */
final class WaybillApiClient {

    static final String SEOUL_SENDER_NAME = "Kim Minji";
    static final String SENDER_PHONE = "010-1234-5678";
    static final String RECIPIENT_NAME = "Lee Jun";
    static final String RECIPIENT_STREET = "45 Haeundae-ro";

    private final WebTestClient client;
    private final DemoLogins logins;

    WaybillApiClient(WebTestClient client, DemoLogins logins) {
        this.client = client;
        this.logins = logins;
    }

    WebTestClient.ResponseSpec post(String path, String user, String idempotencyKey, Object body) {
        WebTestClient.RequestBodySpec request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            request.header("Authorization", "Bearer " + logins.accessToken(user));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    /** Posts a body exactly as written, for JSON a serializer would never produce. */
    WebTestClient.ResponseSpec postRaw(String path, String user, String idempotencyKey, MediaType contentType,
                                       String body) {
        WebTestClient.RequestBodySpec request = client.post().uri(path).contentType(contentType);
        if (user != null) {
            request.header("Authorization", "Bearer " + logins.accessToken(user));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.bodyValue(body).exchange();
    }

    /** Creates a waybill as sender1 to recipient1 in Busan and returns its id. */
    String create(String idempotencyKey) {
        return post("/waybills", "sender1", idempotencyKey, createRequest("48094"))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("waybillId").toString();
    }

    /** Created and printed by sender1, still in the sender's hands. */
    String labelled() {
        String id = create(null);
        post("/waybills/" + id + "/labels", "sender1", null, null).expectStatus().isOk();
        return id;
    }

    /** Created, printed and handed by the sender to courier-swp-1. */
    String inCourierSwp1Hands() {
        String id = create(null);
        post("/waybills/" + id + "/labels", "sender1", null, null).expectStatus().isOk();
        post("/waybills/" + id + "/handoffs", "sender1", null, Map.of("toCourier", "courier-swp-1")).expectStatus().isOk();
        return id;
    }

    static Map<String, Object> createRequest(String recipientPostalCode) {
        return Map.of(
                "carrier", "SWP",
                "service", "STANDARD",
                "sender", Map.of("name", SEOUL_SENDER_NAME, "phone", SENDER_PHONE, "email", "minji@example.com",
                        "address", Map.of("line1", "12 Sejong-daero", "line2", "3F", "city", "Seoul",
                                "postalCode", "04524", "country", "KR")),
                "recipient", Map.of("name", RECIPIENT_NAME, "phone", "010-5555-0101",
                        "address", Map.of("line1", RECIPIENT_STREET, "city", "Busan",
                                "postalCode", recipientPostalCode, "country", "KR")),
                "parcel", Map.of("weightGrams", 1200, "lengthCm", 30, "widthCm", 20, "heightCm", 10),
                "note", "leave with the guard");
    }
}
