package com.exqress.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error code the command-api answers with, over HTTP: the status, an RFC 7807 body with the stable
 * code, no personal data or stack trace in it, and nothing written to the store.
 */
class WaybillProblemsIT extends CommandApiIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // VALIDATION_FAILED

    @Test
    void createWithoutRequiredFieldsListsEveryMissingField() {
        String key = newKey();
        Map<String, Object> request = Map.of("sender", Map.of());

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 400, "VALIDATION_FAILED");

        assertThat(answer.fields()).containsExactlyInAnyOrder("carrier", "service", "recipient", "parcel",
                "sender.name", "sender.phone", "sender.address");
        assertNothingCreated("sender1", key);
    }

    @Test
    void createWithMalformedPhoneNamesThePhoneFieldWithoutEchoingIt() {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "sender.phone", "555-CALL-KIM");

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 400, "VALIDATION_FAILED");

        assertThat(answer.fields()).containsExactly("sender.phone");
        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("sender1", key);
    }

    @Test
    void createWithZeroWeightIsRefused() {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "parcel.weightGrams", 0);

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 400, "VALIDATION_FAILED");

        assertThat(answer.fields()).containsExactly("parcel.weightGrams");
        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("sender1", key);
    }

    @Test
    void createHeavierThan70KilogramsIsRefused() {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "parcel.weightGrams", 70_001);

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 400, "VALIDATION_FAILED");

        assertThat(answer.fields()).containsExactly("parcel.weightGrams");
        assertThat(answer.messageOf("parcel.weightGrams")).contains("70000");
        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("sender1", key);
    }

    @Test
    void createWithMalformedPostalCodeIsRefused() {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "recipient.address.postalCode", "48#94");

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 400, "VALIDATION_FAILED");

        assertThat(answer.fields()).containsExactly("recipient.address.postalCode");
        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("sender1", key);
    }

    @Test
    void createWithCountryNameInsteadOfIsoCodeIsRefused() {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "recipient.address.country", "Korea");

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 400, "VALIDATION_FAILED");

        assertThat(answer.fields()).containsExactly("recipient.address.country");
        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("sender1", key);
    }

    @Test
    void createForUnknownCarrierNamesTheCarrierField() {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "carrier", "XXX");

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 400, "VALIDATION_FAILED");

        assertThat(answer.fields()).containsExactly("carrier");
        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("sender1", key);
    }

    @Test
    void createWithUnknownServiceListsTheAllowedValues() {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "service", "SLOW");

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 400, "VALIDATION_FAILED");

        assertThat(answer.fields()).containsExactly("service");
        assertThat(answer.messageOf("service")).contains("STANDARD", "EXPRESS", "SAME_DAY").doesNotContain("SLOW");
        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("sender1", key);
    }

    @Test
    void handOffNamingBothACourierAndAHubIsRefused() {
        String id = api.labelled();
        long before = events(id);

        Answer answer = problem(api.post("/waybills/" + id + "/handoffs", "sender1", newKey(),
                Map.of("toCourier", "courier-swp-1", "toHub", "SEL-01")), 400, "VALIDATION_FAILED");

        assertThat(answer.messages()).containsExactly("give exactly one of toCourier and toHub");
        answer.assertNoPersonalDataOf(createRequest());
        assertThat(events(id)).isEqualTo(before);
    }

    @Test
    void lockerDeliveryWithoutLockerIdIsRefused() {
        String id = api.inCourierSwp1Hands();
        long before = events(id);

        Answer answer = problem(api.post("/waybills/" + id + "/delivery", "courier-swp-1", newKey(),
                Map.of("method", "TO_LOCKER")), 400, "VALIDATION_FAILED");

        assertThat(answer.messages()).containsExactly("a locker delivery needs lockerId");
        answer.assertNoPersonalDataOf(createRequest());
        assertThat(events(id)).isEqualTo(before);
    }

    @Test
    void handOffToAnUnknownCourierNamesTheToCourierField() {
        String id = api.labelled();
        long before = events(id);

        Answer answer = problem(api.post("/waybills/" + id + "/handoffs", "sender1", newKey(),
                Map.of("toCourier", "courier-zzz-9")), 400, "VALIDATION_FAILED");

        assertThat(answer.fields()).containsExactly("toCourier");
        answer.assertNoPersonalDataOf(createRequest());
        assertThat(events(id)).isEqualTo(before);
    }

    @Test
    void handOffToAnAccountThatIsNoCourierNamesTheToCourierField() {
        String id = api.labelled();
        long before = events(id);

        Answer answer = problem(api.post("/waybills/" + id + "/handoffs", "sender1", newKey(),
                Map.of("toCourier", "customer2")), 400, "VALIDATION_FAILED");

        assertThat(answer.fields()).containsExactly("toCourier");
        assertThat(events(id)).isEqualTo(before);
    }

    @Test
    void handOffToAnUnknownHubNamesTheToHubField() {
        String id = api.inCourierSwp1Hands();
        long before = events(id);

        Answer answer = problem(api.post("/waybills/" + id + "/handoffs", "courier-swp-1", newKey(),
                Map.of("toHub", "XYZ-99")), 400, "VALIDATION_FAILED");

        assertThat(answer.fields()).containsExactly("toHub");
        answer.assertNoPersonalDataOf(createRequest());
        assertThat(events(id)).isEqualTo(before);
    }

    // MALFORMED_JSON

    @Test
    void createWithJsonCutOffBetweenFieldsIsMalformed() {
        String key = newKey();

        problem(api.postRaw("/waybills", "sender1", key, MediaType.APPLICATION_JSON,
                "{\"carrier\":\"SWP\",\"service\":\"STANDARD\","), 400, "MALFORMED_JSON");

        assertNothingCreated("sender1", key);
    }

    @Test
    void createWithJsonCutOffInsideAValueIsMalformed() {
        String key = newKey();

        Answer answer = problem(api.postRaw("/waybills", "sender1", key, MediaType.APPLICATION_JSON,
                "{\"carrier\":\"SWP\",\"service\":\"STANDARD\",\"sender\":{\"name\":\"Kim Min"), 400, "MALFORMED_JSON");

        assertThat(answer.raw()).doesNotContain("Kim Min");
        assertNothingCreated("sender1", key);
    }

    @Test
    void createWithoutBodyIsMalformed() {
        String key = newKey();

        problem(api.post("/waybills", "sender1", key, null), 400, "MALFORMED_JSON");

        assertNothingCreated("sender1", key);
    }

    // UNKNOWN_FIELD

    @Test
    void createWithUnknownTopLevelFieldIsRefused() {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "priority", "HIGH");

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 400, "UNKNOWN_FIELD");

        assertThat(answer.fields()).containsExactly("priority");
        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("sender1", key);
    }

    @Test
    void createWithUnknownNestedFieldNamesItsFullPath() {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "sender.address.floor", "3");

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 400, "UNKNOWN_FIELD");

        assertThat(answer.fields()).containsExactly("sender.address.floor");
        assertThat(answer.json().path("detail").asText()).contains("sender.address.floor");
        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("sender1", key);
    }

    // BODY_TOO_LARGE

    @Test
    void bodyLargerThan64KilobytesIsRefused() throws JsonProcessingException {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "note", "x".repeat(70_000));
        String body = JSON.writeValueAsString(request);
        assertThat(body.length()).isGreaterThan(64 * 1024);

        Answer answer = problem(api.postRaw("/waybills", "sender1", key, MediaType.APPLICATION_JSON, body),
                400, "BODY_TOO_LARGE");

        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("sender1", key);
    }

    // UNSUPPORTED_MEDIA_TYPE

    @Test
    void createSentAsPlainTextIsRefused() throws JsonProcessingException {
        String key = newKey();

        problem(api.postRaw("/waybills", "sender1", key, MediaType.TEXT_PLAIN, JSON.writeValueAsString(createRequest())),
                415, "UNSUPPORTED_MEDIA_TYPE");

        assertNothingCreated("sender1", key);
    }

    // METHOD_NOT_ALLOWED

    @Test
    void deletingTheWaybillCollectionIsNotAllowed() {
        problem(webClient.delete().uri("/waybills").header("Authorization", bearer("admin-swp")).exchange(),
                405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void methodNotAllowedAnswerNamesTheAllowedMethods() {
        // RFC 9110 section 15.5.6: a 405 response MUST carry an Allow header.
        webClient.delete().uri("/waybills").header("Authorization", bearer("admin-swp")).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "POST");
    }

    // NOT_FOUND

    @Test
    void unknownPathIsNotFound() {
        problem(api.post("/parcels", "sender1", newKey(), createRequest()), 404, "NOT_FOUND");
    }

    // UNAUTHENTICATED

    @Test
    void createWithoutAccessTokenIsUnauthenticated() {
        String key = newKey();

        Answer answer = problem(api.post("/waybills", null, key, createRequest()), 401, "UNAUTHENTICATED");

        answer.assertNoPersonalDataOf(createRequest());
        assertThat(creationsWithKey(key)).isZero();
        assertThat(eventsMentioning(key)).isZero();
    }

    @Test
    void createWithAForgedTokenOrTheOldDemoHeaderIsUnauthenticated() {
        String key = newKey();
        String forged = logins.accessToken("sender1").replaceFirst("\\.[A-Za-z0-9_-]{8}", ".AAAAAAAA");

        for (var request : java.util.List.of(
                webClient.post().uri("/waybills").header("Authorization", "Bearer " + forged),
                webClient.post().uri("/waybills").header("X-Exqress-User", "sender1"))) {
            Answer answer = problem(request.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                    .bodyValue(createRequest()).exchange(), 401, "UNAUTHENTICATED");
            answer.assertNoPersonalDataOf(createRequest());
        }
        assertThat(creationsWithKey(key)).isZero();
        assertThat(eventsMentioning(key)).isZero();
    }

    // WAYBILL_NOT_FOUND

    @Test
    void printingAnUnknownWaybillIsNotFound() {
        String unknown = UUID.randomUUID().toString();

        problem(api.post("/waybills/" + unknown + "/labels", "admin-swp", newKey(), null), 404, "WAYBILL_NOT_FOUND");

        assertThat(events(unknown)).isZero();
    }

    @Test
    void malformedWaybillIdIsNotFound() {
        problem(api.post("/waybills/not-a-waybill/handoffs", "courier-swp-1", newKey(), Map.of("toHub", "SEL-01")),
                404, "WAYBILL_NOT_FOUND");
    }

    // INVALID_TRANSITION

    @Test
    void handOffBeforeTheLabelIsPrintedIsAnInvalidTransition() {
        String id = api.create(null);

        Answer answer = problem(api.post("/waybills/" + id + "/handoffs", "sender1", newKey(),
                Map.of("toCourier", "courier-swp-1")), 409, "INVALID_TRANSITION");

        answer.assertNoPersonalDataOf(createRequest());
        assertThat(events(id)).isEqualTo(1);
    }

    @Test
    void deliveryBeforeHandOffIsAnInvalidTransition() {
        String id = api.labelled();

        Answer answer = problem(api.post("/waybills/" + id + "/delivery", "sender1", newKey(),
                Map.of("method", "TO_RECIPIENT", "receivedBy", "Lee Jun")), 409, "INVALID_TRANSITION");

        answer.assertNoPersonalDataOf(createRequest());
        assertThat(events(id)).isEqualTo(2);
    }

    // NOT_PERMITTED

    @Test
    void courierMayNotCreateAWaybill() {
        String key = newKey();
        Map<String, Object> request = createRequest();

        Answer answer = problem(api.post("/waybills", "courier-swp-1", key, request), 403, "NOT_PERMITTED");

        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("courier-swp-1", key);
    }

    @Test
    void anotherCustomerMayNotPrintTheSendersLabel() {
        String id = api.create(null);

        Answer answer = problem(api.post("/waybills/" + id + "/labels", "customer2", newKey(), null),
                403, "NOT_PERMITTED");

        answer.assertNoPersonalDataOf(createRequest());
        assertThat(events(id)).isEqualTo(1);
    }

    // NOT_CUSTODIAN

    @Test
    void courierWhoDoesNotHoldTheParcelMayNotDeliverIt() {
        String id = api.inCourierSwp1Hands();
        long before = events(id);

        Answer answer = problem(api.post("/waybills/" + id + "/delivery", "courier-swp-2", newKey(),
                Map.of("method", "AT_DOOR", "photoReference", "photo-1")), 403, "NOT_CUSTODIAN");

        answer.assertNoPersonalDataOf(createRequest());
        assertThat(events(id)).isEqualTo(before);
    }

    // CARRIER_NOT_PARTNER

    @Test
    void handOffToACourierOfANonPartnerCarrierIsRefused() {
        String id = api.inCourierSwp1Hands();
        long before = events(id);

        Answer answer = problem(api.post("/waybills/" + id + "/handoffs", "courier-swp-1", newKey(),
                Map.of("toCourier", "courier-nrt-1")), 422, "CARRIER_NOT_PARTNER");

        answer.assertNoPersonalDataOf(createRequest());
        assertThat(events(id)).isEqualTo(before);
    }

    @Test
    void handOffToACourierOfAPartnerCarrierSucceeds() {
        String id = api.inCourierSwp1Hands();
        long before = events(id);

        api.post("/waybills/" + id + "/handoffs", "courier-swp-1", newKey(), Map.of("toCourier", "courier-blr-1"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("IN_TRANSIT");

        assertThat(events(id)).isEqualTo(before + 1);
    }

    // UNROUTABLE_DESTINATION

    @Test
    void createForAPostalCodeThatIsNotFiveDigitsCannotBeRouted() {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "recipient.address.postalCode", "ABC12");

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 422, "UNROUTABLE_DESTINATION");

        answer.assertNoPersonalDataOf(request);
        assertThat(answer.raw()).doesNotContain("ABC12");
        assertNothingCreated("sender1", key);
    }

    @Test
    void createForAPostalCodeOutsideTheCarriersRoutingTableCannotBeRouted() {
        String key = newKey();
        Map<String, Object> request = with(createRequest(), "recipient.address.postalCode", "70000");

        Answer answer = problem(api.post("/waybills", "sender1", key, request), 422, "UNROUTABLE_DESTINATION");

        answer.assertNoPersonalDataOf(request);
        assertNothingCreated("sender1", key);
    }

    // DISPOSAL_REASON_REQUIRED

    @Test
    void carrierAdminMustGiveAReasonToDispose() {
        String id = api.inCourierSwp1Hands();
        long before = events(id);

        Answer answer = problem(api.post("/waybills/" + id + "/disposal", "admin-swp", newKey(), null),
                422, "DISPOSAL_REASON_REQUIRED");

        answer.assertNoPersonalDataOf(createRequest());
        assertThat(events(id)).isEqualTo(before);
    }

    // WAYBILL_DISPOSED

    @Test
    void nothingHappensToADisposedWaybill() {
        String id = api.inCourierSwp1Hands();
        api.post("/waybills/" + id + "/disposal", "admin-swp", newKey(), Map.of("reason", "LOST"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DISPOSED");
        long afterDisposal = events(id);

        problem(api.post("/waybills/" + id + "/labels", "admin-swp", newKey(), null), 409, "WAYBILL_DISPOSED")
                .assertNoPersonalDataOf(createRequest());
        problem(api.post("/waybills/" + id + "/handoffs", "courier-swp-1", newKey(), Map.of("toHub", "SEL-01")),
                409, "WAYBILL_DISPOSED");
        problem(api.post("/waybills/" + id + "/delivery", "courier-swp-1", newKey(), Map.of("method", "AT_DOOR")),
                409, "WAYBILL_DISPOSED");
        problem(api.post("/waybills/" + id + "/disposal", "admin-swp", newKey(), Map.of("reason", "DAMAGED")),
                409, "WAYBILL_DISPOSED");

        assertThat(events(id)).isEqualTo(afterDisposal);
    }

    // INVALID_IDEMPOTENCY_KEY

    @Test
    void idempotencyKeyWithASpaceIsRefused() {
        String key = "two words";

        problem(api.post("/waybills", "sender1", key, createRequest()), 400, "INVALID_IDEMPOTENCY_KEY")
                .assertNoPersonalDataOf(createRequest());

        assertThat(creationsWithKey(key)).isZero();
    }

    @Test
    void idempotencyKeyOf300CharactersIsRefused() {
        String key = "k".repeat(300);
        String id = api.create(null);

        problem(api.post("/waybills", "sender1", key, createRequest()), 400, "INVALID_IDEMPOTENCY_KEY");
        problem(api.post("/waybills/" + id + "/labels", "sender1", key, null), 400, "INVALID_IDEMPOTENCY_KEY");

        assertThat(creationsWithKey(key)).isZero();
        assertThat(events(id)).isEqualTo(1);
    }

    // DUPLICATE_REQUEST_MISMATCH

    @Test
    void reusingACreateKeyForADifferentWaybillIsRefused() {
        String key = newKey();
        api.post("/waybills", "sender1", key, createRequest()).expectStatus().isCreated();
        Map<String, Object> different = with(createRequest(), "recipient.address.postalCode", "04524");

        Answer answer = problem(api.post("/waybills", "sender1", key, different), 422, "DUPLICATE_REQUEST_MISMATCH");

        answer.assertNoPersonalDataOf(different);
        assertThat(creations("sender1", key)).isEqualTo(1);
        assertThat(eventsMentioning(key)).isEqualTo(1);
    }

    @Test
    void reusingAHandOffKeyForADifferentHandOffIsRefused() {
        String id = api.labelled();
        String key = newKey();
        api.post("/waybills/" + id + "/handoffs", "sender1", key, Map.of("toCourier", "courier-swp-1"))
                .expectStatus().isOk();
        long before = events(id);

        Answer answer = problem(api.post("/waybills/" + id + "/handoffs", "sender1", key,
                Map.of("toCourier", "courier-swp-2")), 422, "DUPLICATE_REQUEST_MISMATCH");

        answer.assertNoPersonalDataOf(createRequest());
        assertThat(events(id)).isEqualTo(before);
    }

    // helpers

    /** A problem answer: its parsed body and the body exactly as sent. */
    private record Answer(JsonNode json, String raw) {

        List<String> fields() {
            List<String> fields = new ArrayList<>();
            json.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields;
        }

        List<String> messages() {
            List<String> messages = new ArrayList<>();
            json.path("errors").forEach(error -> messages.add(error.path("message").asText()));
            return messages;
        }

        String messageOf(String field) {
            for (JsonNode error : json.path("errors")) {
                if (error.path("field").asText().equals(field)) {
                    return error.path("message").asText();
                }
            }
            throw new AssertionError("no error for field " + field + " in " + raw);
        }

        /** Names, phones and streets of sender and recipient as sent in a create request. */
        void assertNoPersonalDataOf(Map<String, Object> createRequest) {
            for (String party : List.of("sender", "recipient")) {
                for (String path : List.of(".name", ".phone", ".address.line1")) {
                    Object value = valueAt(createRequest, party + path);
                    if (value != null) {
                        assertThat(raw).as("problem body must not echo " + party + path).doesNotContain(value.toString());
                    }
                }
            }
        }
    }

    private Answer problem(WebTestClient.ResponseSpec response, int status, String code) {
        String raw = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(raw).isNotNull().doesNotContain("Exception").doesNotContain("at com.");
        JsonNode json;
        try {
            json = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(json.path("code").asText()).as(raw).isEqualTo(code);
        assertThat(json.path("status").asInt()).isEqualTo(status);
        return new Answer(json, raw);
    }

    private void assertNothingCreated(String actor, String key) {
        assertThat(creations(actor, key)).as("waybill_creation rows for the refused request").isZero();
        assertThat(eventsMentioning(key)).as("events recording the refused request").isZero();
    }

    private long events(String waybillId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, waybillId);
    }

    /** Events whose provenance carries this idempotency key; keys are random, so only this test's requests. */
    private long eventsMentioning(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry "
                + "WHERE position(? in convert_from(payload, 'UTF8')) > 0", Long.class, "\"" + key + "\"");
    }

    private long creations(String actor, String key) {
        return jdbc.queryForObject("SELECT count(*) FROM waybill_creation WHERE actor_id = ? AND idempotency_key = ?",
                Long.class, actor, key);
    }

    private long creationsWithKey(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM waybill_creation WHERE idempotency_key = ?", Long.class, key);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** The client's standard create request, as nested maps this test may change. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> createRequest() {
        return (Map<String, Object>) mutableCopy(WaybillApiClient.createRequest("48094"));
    }

    private static Object mutableCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, mutableCopy(v)));
            return copy;
        }
        return value;
    }

    /** Sets the value at a dotted path such as {@code sender.address.postalCode}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> request, String path, Object value) {
        String[] names = path.split("\\.");
        Map<String, Object> node = request;
        for (int i = 0; i < names.length - 1; i++) {
            node = (Map<String, Object>) node.get(names[i]);
        }
        node.put(names[names.length - 1], value);
        return request;
    }

    private static Object valueAt(Map<String, Object> request, String path) {
        Object node = request;
        for (String name : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(name);
        }
        return node;
    }
}
