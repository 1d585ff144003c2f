package com.exqress.command;

import com.exqress.embedded.SharedPostgres;
import com.exqress.identity.DemoLogins;
import com.exqress.identity.EmbeddedIdentity;
import com.exqress.label.LabelQrCodec;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelReference;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at scale over HTTP (issue 7): random bytes, random JSON, valid requests with one field replaced
 * by something wild or one byte changed, wrong content types and odd headers, sent to {@code POST /waybills}
 * and {@code POST /scans} of a running command-api on the JVM's shared PostgreSQL. Every answer comes within a
 * bound; none is a 5xx; every refusal is an RFC 7807 problem with a code, wrote no event and shows none of
 * the request's values: the personal data the requests carry hold markers, and so does every random string.
 * <p>
 * jqwik runs these properties, so the application context is started here rather than by Spring's JUnit
 * Jupiter extension. Its per-courier scan limit is raised because a few hundred scans from one courier are
 * the point here, not the limit, which {@link ScanAbuseIT} covers. To replay a failing run exactly, copy the
 * seed jqwik reports into the property: {@code @Property(seed = "…")}.
 */
class BadInputFuzzIT {

    /** In every personal field of the requests and in every random string: it must never come back in a refusal. */
    private static final String MARKER = "Zqxv";
    /** The phone numbers' marker, since a valid phone number holds only digits, spaces and dashes. */
    private static final String PHONE_MARKER = "7319-2846";
    /** Far above a normal answer on a loaded 2-core machine; only a hang, or work that grows badly with the input, gets near it. */
    private static final Duration BOUND = Duration.ofSeconds(15);
    /** Real field names, so random JSON gets past the parser into validation as often as not. */
    private static final List<String> FIELD_NAMES = List.of("carrier", "service", "sender", "recipient", "parcel", "note",
            "name", "phone", "email", "address", "line1", "line2", "city", "postalCode", "country", "weightGrams",
            "lengthCm", "widthCm", "heightCm", "qr", "action", "hub", "deviceTime");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext app;
    private static WebTestClient client;
    private static JdbcTemplate jdbc;
    private static Map<String, String> bearers;
    private static String qr;

    @BeforeContainer
    static void startCommandApi() {
        SharedPostgres.server();
        app = new SpringApplicationBuilder(CommandApiApplication.class, EmbeddedIdentity.class)
                .profiles("embedded")
                .properties("server.port=0", "exqress.identity.embedded=true", "server.shutdown=immediate",
                        "spring.main.banner-mode=off", "exqress.scans.per-courier-per-minute=100000")
                .run();
        String port = Integer.toString(((WebServerApplicationContext) app).getWebServer().getPort());
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(BOUND).build();
        jdbc = app.getBean(JdbcTemplate.class);
        DemoLogins logins = new DemoLogins(client, port);
        bearers = Map.of("sender1", "Bearer " + logins.accessToken("sender1"),
                "courier-swp-1", "Bearer " + logins.accessToken("courier-swp-1"));
        qr = labelInSendersHands();
    }

    @AfterContainer
    static void stopCommandApi() {
        app.close();
    }

    @Property(tries = 60)
    void randomBytesAreRefusedPolitely(@ForAll("endpoints") String path, @ForAll("callers") String caller,
                                       @ForAll("contentTypes") String contentType, @ForAll("randomBytes") byte[] body) {
        assertPolite(post(path, caller, contentType, body));
    }

    @Property(tries = 100)
    void randomJsonIsRefusedPolitely(@ForAll("endpoints") String path, @ForAll("callers") String caller,
                                     @ForAll("jsonValues") Object body) {
        assertPolite(post(path, caller, MediaType.APPLICATION_JSON_VALUE, json(body)));
    }

    @Property(tries = 150)
    void aCreateWithOneFieldReplacedIsAcceptedOrRefusedPolitely(@ForAll("createFields") String field,
                                                                @ForAll("wildValues") Object value) {
        Map<String, Object> request = replaced(createRequest(), field, value);

        assertPolite(post("/waybills", "sender1", MediaType.APPLICATION_JSON_VALUE, json(request)));
        // Tries must land on both sides of validation, or the property proves little.
        Statistics.coverage(coverage -> {
            coverage.check(201, "").count(accepted -> accepted > 0);
            coverage.check(400, "VALIDATION_FAILED").count(refused -> refused > 0);
        });
    }

    @Property(tries = 150)
    void aScanWithOneFieldReplacedIsAcceptedOrRefusedPolitely(@ForAll("scanFields") String field,
                                                              @ForAll("wildValues") Object value) {
        Map<String, Object> request = replaced(scanRequest(), field, value);

        assertPolite(post("/scans", "courier-swp-1", MediaType.APPLICATION_JSON_VALUE, json(request)));
        // Some tries must get as far as the label check, or the property proves little about it.
        Statistics.coverage(coverage -> coverage.check(400, "LABEL_MALFORMED").count(malformed -> malformed > 0));
    }

    @Property(tries = 60)
    void aValidRequestWithOneByteChangedIsAcceptedOrRefusedPolitely(@ForAll("endpoints") String path,
                                                                   @ForAll("byteChanges") ByteChange change) {
        assertPolite(post(path, callerOf(path), MediaType.APPLICATION_JSON_VALUE, change.applyTo(validRequest(path))));
    }

    @Property(tries = 40)
    void aValidRequestUnderAnyContentTypeIsAcceptedOrRefusedPolitely(@ForAll("endpoints") String path,
                                                                     @ForAll("contentTypes") String contentType) {
        assertPolite(post(path, callerOf(path), contentType, validRequest(path)));
    }

    @Property(tries = 40)
    void aValidRequestWithOddHeadersIsAcceptedOrRefusedPolitely(@ForAll("endpoints") String path,
                                                               @ForAll("headerNames") String header,
                                                               @ForAll("headerValues") String value) {
        assertPolite(post(path, callerOf(path), MediaType.APPLICATION_JSON_VALUE, validRequest(path), Map.of(header, value)));
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of("/waybills", "/scans");
    }

    /** Mostly the endpoint's own kind of user; sometimes nobody, a forged token, or the other kind. */
    @Provide
    Arbitrary<String> callers() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("sender1", "courier-swp-1")),
                Tuple.of(1, Arbitraries.of("", "forged")));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of(MediaType.APPLICATION_JSON_VALUE, "application/json;charset=UTF-16", "application/json;charset=nonsense",
                        "application/json;charset=", "application/json; boundary=\"", "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
                        "application/problem+json", "*/*", "application/*", "json", ""),
                // Stripped, because the HTTP client refuses to send a header value that starts or ends with a space.
                Arbitraries.strings().ascii().ofMaxLength(60).filter(type -> type.chars().noneMatch(Character::isISOControl))
                        .map(String::strip));
    }

    /** Mostly short, sometimes just over the 64 KB the server reads. */
    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(60_000).ofMaxSize(70_000)));
    }

    /** One byte of a request overwritten, inserted or deleted; the position wraps around the request's length. */
    record ByteChange(Edit edit, int position, byte value) {

        enum Edit { OVERWRITE, INSERT, DELETE }

        byte[] applyTo(byte[] request) {
            int at = position % request.length;
            ByteArrayOutputStream changed = new ByteArrayOutputStream();
            changed.write(request, 0, at);
            if (edit != Edit.DELETE) {
                changed.write(value);
            }
            int rest = edit == Edit.INSERT ? at : at + 1;
            changed.write(request, rest, request.length - rest);
            return changed.toByteArray();
        }
    }

    @Provide
    Arbitrary<ByteChange> byteChanges() {
        return Combinators.combine(Arbitraries.of(ByteChange.Edit.class), Arbitraries.integers().greaterOrEqual(0), Arbitraries.bytes())
                .as(ByteChange::new);
    }

    @Provide
    Arbitrary<String> headerNames() {
        return Arbitraries.of("Idempotency-Key", "X-Device-Id", "Accept", "Accept-Charset", "Content-Encoding");
    }

    /** Visible ASCII, as HTTP allows, sometimes with the marker, sometimes long. */
    @Provide
    Arbitrary<String> headerValues() {
        StringArbitrary visible = Arbitraries.strings().withCharRange('!', '~');
        return Arbitraries.oneOf(visible.ofMaxLength(80), visible.ofMinLength(200).ofMaxLength(2_000),
                visible.ofMaxLength(40).map(value -> value + MARKER),
                Arbitraries.of("gzip", "text/plain", "application/xml", "*/*", "application/problem+json", "utf-16"));
    }

    @Provide
    Arbitrary<Object> jsonValues() {
        return json(4);
    }

    @Provide
    Arbitrary<String> createFields() {
        return Arbitraries.of(fieldPaths(createRequest(), ""));
    }

    @Provide
    Arbitrary<String> scanFields() {
        return Arbitraries.of(fieldPaths(scanRequest(), ""));
    }

    /** What a broken or hostile client puts where a field's value belongs, or where a new field appears. */
    @Provide
    Arbitrary<Object> wildValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, markedStrings()),
                // Well-formed for some field, if not always this one: these get past validation to the domain.
                Tuple.of(2, Arbitraries.of("+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z",
                        "2026-11-23T09:15:00+14:00", "SEL-01", "ZZ-99", "DELIVERED", "HUB_ARRIVAL", "BLR", "ZZZ", "US", "EXPRESS",
                        "99999", "+82 10 " + PHONE_MARKER)),
                Tuple.of(1, Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(400)),
                Tuple.of(1, Arbitraries.integers().map(Object.class::cast)),
                Tuple.of(1, Arbitraries.longs().map(Object.class::cast)),
                Tuple.of(1, Arbitraries.doubles().map(Object.class::cast)),
                Tuple.of(1, Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-1e-400"),
                        BigInteger.TWO.pow(200), Long.MAX_VALUE, Integer.MIN_VALUE, 0, -1, Double.NaN, Double.POSITIVE_INFINITY)),
                Tuple.of(1, Arbitraries.of(true, false)),
                Tuple.of(1, Arbitraries.just("").map(Object.class::cast)),
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.integers().between(65_000, 70_000).map(size -> MARKER + "x".repeat(size))),
                Tuple.of(1, Arbitraries.integers().between(10, 3_000).map(Nesting::new)),
                Tuple.of(2, json(3)));
    }

    private static Arbitrary<Object> json(int depth) {
        Arbitrary<Object> leaves = Arbitraries.oneOf(markedStrings(), Arbitraries.integers().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast), Arbitraries.of(true, false), Arbitraries.just(null));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(FIELD_NAMES), Arbitraries.strings().alpha().ofMaxLength(12));
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaves),
                Tuple.of(1, json(depth - 1).list().ofMaxSize(4).map(Object.class::cast)),
                Tuple.of(2, Arbitraries.maps(keys, json(depth - 1)).ofMaxSize(6).map(Object.class::cast)));
    }

    /** Any text, with the marker somewhere in it. */
    private static Arbitrary<Object> markedStrings() {
        return Combinators.combine(Arbitraries.strings().ofMaxLength(200), Arbitraries.strings().ofMaxLength(200))
                .as((before, after) -> before + MARKER + after);
    }

    /**
     * Arrays and objects nested this deep around a marked string, written as text: as Java lists and maps they
     * would overflow the stack of the serializer, and of jqwik's report of a failing try.
     */
    record Nesting(int depth) implements JsonSerializable {

        @Override
        public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
            StringBuilder json = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                json.append(i % 2 == 0 ? "[" : "{\"name\":");
            }
            json.append('"').append(MARKER).append('"');
            for (int i = depth - 1; i >= 0; i--) {
                json.append(i % 2 == 0 ? "]" : "}");
            }
            generator.writeRawValue(json.toString());
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer type)
                throws IOException {
            serialize(generator, serializers);
        }
    }

    private static String callerOf(String path) {
        return path.equals("/scans") ? "courier-swp-1" : "sender1";
    }

    private static byte[] validRequest(String path) {
        return json(path.equals("/scans") ? scanRequest() : createRequest());
    }

    private static EntityExchangeResult<byte[]> post(String path, String caller, String contentType, byte[] body) {
        return post(path, caller, contentType, body, Map.of());
    }

    /** Fails if a refused request wrote an event. */
    private static EntityExchangeResult<byte[]> post(String path, String caller, String contentType, byte[] body,
                                                     Map<String, String> headers) {
        long eventsBefore = eventCount();
        WebTestClient.RequestBodySpec request = client.post().uri(path).header("Content-Type", contentType);
        headers.forEach(request::header);
        if (caller.equals("forged")) {
            request.header("Authorization", "Bearer eyJhbGciOiJFUzI1NiJ9.e30.AAAA");
        } else if (!caller.isEmpty()) {
            request.header("Authorization", bearers.get(caller));
        }
        // Written as given: the client's own body writers would parse, and refuse, a malformed content type first.
        EntityExchangeResult<byte[]> result = request.body((message, context) ->
                message.writeWith(Mono.just(message.bufferFactory().wrap(body)))).exchange().expectBody().returnResult();
        if (!result.getStatus().is2xxSuccessful()) {
            assertThat(eventCount()).as("events after a %s", result.getStatus()).isEqualTo(eventsBefore);
        }
        return result;
    }

    /** Not a server error; a refusal is a problem with a code and none of the request's values. */
    private static void assertPolite(EntityExchangeResult<byte[]> result) {
        int status = result.getStatus().value();
        String body = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
        // Printed with each property's report: which answers the tries got.
        Statistics.collect(status, result.getStatus().is2xxSuccessful() ? "" : readTree(body).path("code").asText());
        assertThat(status).as("status of the answer %s", body).isLessThan(500);
        if (result.getStatus().is2xxSuccessful()) {
            return;
        }
        assertThat(result.getResponseHeaders().getContentType()).as("content type of a %d: %s", status, body)
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = readTree(body);
        assertThat(problem.path("status").asInt()).as(body).isEqualTo(status);
        assertThat(problem.path("code").asText()).as(body).matches("[A-Z_]+");
        assertThat(body).doesNotContain(MARKER, PHONE_MARKER);
    }

    private static Map<String, Object> createRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("carrier", "SWP");
        request.put("service", "STANDARD");
        request.put("sender", contact("Kim " + MARKER, "010-" + PHONE_MARKER, "12 " + MARKER + "-daero", "Seoul", "04524"));
        request.put("recipient", contact("Lee " + MARKER, "010-5555-" + PHONE_MARKER.substring(5),
                "45 " + MARKER + "-ro", "Busan", "48094"));
        request.put("parcel", new LinkedHashMap<>(Map.of("weightGrams", 1200, "lengthCm", 30, "widthCm", 20, "heightCm", 10)));
        request.put("note", "ring " + MARKER);
        return request;
    }

    private static Map<String, Object> contact(String name, String phone, String line1, String city, String postalCode) {
        Map<String, Object> address = new LinkedHashMap<>(Map.of("line1", line1, "line2", MARKER + " 3F", "city", city,
                "postalCode", postalCode, "country", "KR"));
        return new LinkedHashMap<>(Map.of("name", name, "phone", phone, "email", MARKER + "@example.com", "address", address));
    }

    private static Map<String, Object> scanRequest() {
        return new LinkedHashMap<>(Map.of("qr", qr, "action", "PICKUP", "hub", "SEL-01", "deviceTime", "2026-11-23T09:15:00Z"));
    }

    /** Every field and nested object of a request by its dotted path, and a new field in each object. */
    private static List<String> fieldPaths(Map<String, Object> request, String prefix) {
        List<String> paths = new ArrayList<>();
        paths.add(prefix + "unexpected");
        request.forEach((name, value) -> {
            paths.add(prefix + name);
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) nested;
                paths.addAll(fieldPaths(object, prefix + name + "."));
            }
        });
        return paths;
    }

    /** The request with the field at the dotted path set to the value (null stays as an explicit null). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> replaced(Map<String, Object> request, String path, Object value) {
        Map<String, Object> object = request;
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            object = (Map<String, Object>) object.get(names[i]);
        }
        object.put(names[names.length - 1], value);
        return request;
    }

    /** Created and labelled by sender1, with markers in its personal data: what a courier could pick up. */
    private static String labelInSendersHands() {
        String waybill = readTree(new String(post("/waybills", "sender1", MediaType.APPLICATION_JSON_VALUE, json(createRequest()))
                .getResponseBodyContent(), StandardCharsets.UTF_8)).path("waybillId").asText();
        String printed = new String(post("/waybills/" + waybill + "/labels", "sender1", MediaType.APPLICATION_JSON_VALUE, new byte[0])
                .getResponseBodyContent(), StandardCharsets.UTF_8);
        LabelReference reference = new LabelReference(readTree(printed).path("labelReference").asText());
        return app.getBean(LabelQrCodec.class).encode(new CarrierId("SWP"), reference);
    }

    private static long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the test's JSON", e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
