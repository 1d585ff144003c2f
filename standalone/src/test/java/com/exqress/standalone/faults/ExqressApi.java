package com.exqress.standalone.faults;

import com.exqress.identity.DemoLogins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API as a client on another machine uses it: a connection that breaks is an {@link IOException}, every
 * answer is kept as it came. Logins are kept per user; access tokens outlive a restart, whose signing keys stay in
 * the data directory.
 */
final class ExqressApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The QR code's text in the ZPL label, as a label printer receives it. */
    private static final Pattern ZPL_QR = Pattern.compile("\\^FDQA,([^^]+)\\^FS");
    /** Longer than any request may take; a request that takes longer is a hang, which the tests look for. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String CREATE = """
            {"carrier":"SWP","service":"STANDARD",
             "sender":{"name":"Kim Minji","phone":"010-1234-5678",
                       "address":{"line1":"12 Sejong-daero","city":"Seoul","postalCode":"04524","country":"KR"}},
             "recipient":{"name":"Lee Jun","phone":"010-5555-0101",
                          "address":{"line1":"45 Haeundae-ro","city":"Busan","postalCode":"48094","country":"KR"}},
             "parcel":{"weightGrams":800,"lengthCm":20,"widthCm":15,"heightCm":10}}""";

    /** One HTTP answer. {@code retryAfter} is the header's value, or null. */
    record Answer(int status, String contentType, String body, String retryAfter) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** The {@code code} of a problem body, or null. */
        String code() {
            try {
                JsonNode problem = JSON.readTree(body);
                return problem.hasNonNull("code") ? problem.get("code").asText() : null;
            } catch (IOException notJson) {
                return null;
            }
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** A waybill with its printed label, as the sender hands it over. */
    record Parcel(String waybillId, String trackingNumber, String qr) {
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    ExqressApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Logs the users in now, so that they need no login while the server is down. */
    void logIn(String... users) throws IOException, InterruptedException {
        for (String user : users) {
            token(user);
        }
    }

    /** A waybill created and labelled by sender1, with the text a scanner reads from its QR code. */
    Parcel newParcel() throws IOException, InterruptedException {
        JsonNode created = expectOk(post("/waybills", "sender1", null, CREATE)).json();
        String waybillId = created.get("waybillId").asText();
        expectOk(post("/waybills/" + waybillId + "/labels", "sender1", null, null));
        Matcher qr = ZPL_QR.matcher(expectOk(get("/waybills/" + waybillId + "/labels/current?format=zpl", "sender1")).body());
        assertThat(qr.find()).as("a QR code in the ZPL label").isTrue();
        return new Parcel(waybillId, created.get("trackingNumber").asText(), qr.group(1));
    }

    Answer post(String path, String user, String idempotencyKey, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, user)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    Answer get(String path, String user) throws IOException, InterruptedException {
        return send(request(path, user).GET().build());
    }

    private HttpRequest.Builder request(String path, String user) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token(user));
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body(), response.headers().firstValue("Retry-After").orElse(null));
    }

    private String token(String user) throws IOException, InterruptedException {
        String token = tokens.get(user);
        if (token == null) {
            HttpRequest login = HttpRequest.newBuilder(URI.create(baseUrl + "/auth/login")).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("username", user, "password", DemoLogins.PASSWORD)))).build();
            token = expectOk(send(login)).json().get("access_token").asText();
            tokens.put(user, token);
        }
        return token;
    }

    private static Answer expectOk(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        return answer;
    }
}
