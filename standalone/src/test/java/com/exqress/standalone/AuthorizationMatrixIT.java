package com.exqress.standalone;

import com.exqress.identity.DemoLogins;
import com.exqress.platform.web.ProblemCode;
import com.exqress.waybill.api.Role;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.core.io.Resource;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: every endpoint × every demo role, own carrier and other carrier (SWP owns the parcels;
 * BLR is its partner, NRT is not), own parcel and someone else's. Each cell asserts the status, and that
 * personal data appears in no answer but the one a courier's pickup scan needs. The OpenAPI document says the
 * same: every endpoint is in it with the roles it lets through and its problem codes, and only those it marks as
 * needing no token answer without one.
 */
class AuthorizationMatrixIT {

    private static final String ANONYMOUS = "(no token)";
    private static final List<String> USERS = List.of("sender1", "recipient1", "customer2", "courier-swp-1",
            "courier-blr-1", "courier-nrt-1", "admin-swp", "admin-blr", "admin-nrt", "platform-admin", "auditor", ANONYMOUS);
    private static final List<String> PERSONAL = List.of("Kim Minji", "010-1234-5678", "Sejong-daero", "Lee Jun",
            "010-5555-0101", "Haeundae-ro");

    private static final String SPRINGDOC = "org.springdoc";

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext app;
    private static OpenApiDocument document;
    private static final Map<String, String> ROLE_OF_USER = new HashMap<>();

    @BeforeAll
    static void start() {
        // No data key cached, as in StandaloneIT: BlockHound then catches personal data read on an event loop.
        app = new SpringApplicationBuilder(ExqressApplication.class).run("--server.port=0", "--exqress.data-dir=" + dataDir,
                "--exqress.data-keys.cache-ttl=0s");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryRoleAsItShould() throws InterruptedException {
        List<DynamicTest> cells = new ArrayList<>();
        cells.addAll(row("POST /waybills (SWP)", expect(201, "sender1", 201, "recipient1", 201, "customer2", 201,
                "admin-swp"), 403, user -> call(HttpMethod.POST, "/waybills", user, createRequest())));
        cells.addAll(row("POST /waybills/{id}/labels (sender's parcel, not yet handed off)",
                expect(200, "sender1", 200, "admin-swp"), 403,
                user -> call(HttpMethod.POST, "/waybills/" + createWaybill() + "/labels", user, null)));
        cells.addAll(row("POST /waybills/{id}/handoffs (to courier-swp-1)", expect(200, "sender1"), 403,
                user -> call(HttpMethod.POST, "/waybills/" + printedWaybill() + "/handoffs", user,
                        Map.of("toCourier", "courier-swp-1"))));
        cells.addAll(row("POST /waybills/{id}/delivery (held by courier-swp-1)", expect(200, "courier-swp-1"), 403,
                user -> call(HttpMethod.POST, "/waybills/" + inCourierSwp1Hands() + "/delivery", user,
                        Map.of("method", "AT_DOOR"))));
        cells.addAll(row("POST /waybills/{id}/disposal (delivered, reason LOST)", expect(200, "admin-swp", 200, "recipient1"),
                403, user -> call(HttpMethod.POST, "/waybills/" + delivered() + "/disposal", user,
                        user.equals("recipient1") ? null : Map.of("reason", "LOST"))));
        String history = printedWaybill();
        cells.addAll(row("GET /waybills/{id}/events", expect(200, "admin-swp", 200, "auditor", 404, "admin-blr", 404, "admin-nrt"),
                403, user -> call(HttpMethod.GET, "/waybills/" + history + "/events", user, null)));
        cells.addAll(row("GET /audit/waybills/{id}/epcis", expect(200, "admin-swp", 200, "auditor", 404, "admin-blr",
                404, "admin-nrt"), 403, user -> call(HttpMethod.GET, "/audit/waybills/" + history + "/epcis", user, null)));
        cells.addAll(row("GET /audit/waybills/{id}/history", expect(200, "admin-swp", 200, "auditor", 404, "admin-blr",
                404, "admin-nrt"), 403, user -> call(HttpMethod.GET, "/audit/waybills/" + history + "/history", user, null)));
        cells.addAll(row("GET /audit/waybills/{id}/state?asOf=", expect(200, "admin-swp", 200, "auditor", 404, "admin-blr",
                404, "admin-nrt"), 403, user -> call(HttpMethod.GET,
                "/audit/waybills/" + history + "/state?asOf=2100-01-01T00:00:00Z", user, null)));
        cells.addAll(row("GET /audit/waybills/{id}/verify", expect(200, "admin-swp", 200, "auditor", 404, "admin-blr",
                404, "admin-nrt"), 403, user -> call(HttpMethod.GET, "/audit/waybills/" + history + "/verify", user, null)));
        cells.addAll(row("GET /audit/events?actor=courier-swp-1", expect(200, "auditor", 200, "admin-swp", 200, "admin-blr",
                200, "admin-nrt"), 403, user -> call(HttpMethod.GET, "/audit/events?actor=courier-swp-1", user, null)));
        cells.addAll(row("GET /audit/checkpoints", expect(200, "auditor", 200, "platform-admin"), 403,
                user -> call(HttpMethod.GET, "/audit/checkpoints", user, null)));
        String labelled = printedWaybill();
        cells.addAll(row("GET /waybills/{id}/labels/current", expect(200, "sender1", 200, "admin-swp", 200, "courier-swp-1"),
                404, user -> call(HttpMethod.GET, "/waybills/" + labelled + "/labels/current", user, null)));
        String qr = qrTextOf(printedWaybill());
        cells.addAll(row("POST /labels/verifications", expect(200, "courier-swp-1", 200, "courier-blr-1", 200, "admin-swp",
                200, "admin-blr"), 404, user -> call(HttpMethod.POST, "/labels/verifications", user, Map.of("qrText", qr))));
        cells.addAll(row("POST /scans PICKUP", expect(200, "courier-swp-1", 200, "courier-blr-1", 403, "admin-swp", 403, "admin-blr"),
                404, user -> call(HttpMethod.POST, "/scans", user, Map.of("qr", qrTextOf(printedWaybill()), "action", "PICKUP",
                        "deviceTime", "2026-11-23T09:15:00Z"))));
        cells.addAll(row("GET /carriers/SWP/partners", expect(200, "admin-swp", 200, "platform-admin"), 403,
                user -> call(HttpMethod.GET, "/carriers/SWP/partners", user, null)));
        cells.addAll(row("PUT /carriers/SWP/partners/BLR (already a partner)", expect(200, "admin-swp"), 403,
                user -> call(HttpMethod.PUT, "/carriers/SWP/partners/BLR", user, null)));
        cells.addAll(row("DELETE /carriers/NRT/partners/BLR (not a partner)", expect(404, "admin-nrt"), 403,
                user -> call(HttpMethod.DELETE, "/carriers/NRT/partners/BLR", user, null)));
        cells.addAll(row("GET /carriers/SWP/label-keys", expect(200, "admin-swp", 200, "platform-admin"), 403,
                user -> call(HttpMethod.GET, "/carriers/SWP/label-keys", user, null)));
        cells.addAll(row("POST /carriers/SWP/label-keys (rotate)", expect(201, "admin-swp"), 403,
                user -> call(HttpMethod.POST, "/carriers/SWP/label-keys", user, null)));
        cells.addAll(row("POST /carriers/SWP/label-keys/{keyId}/retirement (no such key)", expect(404, "admin-swp"), 403,
                user -> call(HttpMethod.POST, "/carriers/SWP/label-keys/SWPNONE/retirement", user, null)));
        String tracked = trackedParcel();
        cells.addAll(row("GET /tracking/{trackingNumber}", expect(200, "sender1", 200, "recipient1"), 404,
                user -> call(HttpMethod.GET, "/tracking/" + tracked, user, null)));
        cells.addAll(row("GET /me/parcels", expect(200, "sender1", 200, "recipient1", 200, "customer2"), 403,
                user -> call(HttpMethod.GET, "/me/parcels?direction=received", user, null)));
        cells.addAll(row("GET /courier/parcels", expect(200, "courier-swp-1", 200, "courier-blr-1", 200, "courier-nrt-1"),
                403, user -> call(HttpMethod.GET, "/courier/parcels", user, null)));
        cells.addAll(row("GET /admin/carriers/SWP/overview", expect(200, "admin-swp", 200, "platform-admin"), 403,
                user -> call(HttpMethod.GET, "/admin/carriers/SWP/overview", user, null)));
        cells.addAll(row("GET /admin/carriers/SWP/waybills", expect(200, "admin-swp", 200, "platform-admin"), 403,
                user -> call(HttpMethod.GET, "/admin/carriers/SWP/waybills?status=PICKED_UP", user, null)));
        cells.addAll(row("GET /admin/projections/parcels", expect(200, "admin-swp", 200, "admin-blr", 200, "admin-nrt",
                200, "platform-admin"), 403, user -> call(HttpMethod.GET, "/admin/projections/parcels", user, null)));
        cells.addAll(row("POST /admin/projections/parcels/rebuild", expect(202, "platform-admin"), 403,
                user -> call(HttpMethod.POST, "/admin/projections/parcels/rebuild", user, null)));
        cells.addAll(row("GET /auth/me", Map.of(), 200, user -> call(HttpMethod.GET, "/auth/me", user, null)));
        return cells.stream();
    }

    /**
     * One endpoint for every user: the listed statuses, {@code otherwise} for the rest, 401 without a token; and
     * the roles its documentation names include those of every user it lets through: a user whose answer is a
     * success, or is listed with an answer other than 403.
     */
    private List<DynamicTest> row(String endpoint, Map<String, Integer> expected, int otherwise,
                                  Function<String, EntityExchangeResult<String>> request) {
        List<DynamicTest> cells = new ArrayList<>();
        cells.add(DynamicTest.dynamicTest(endpoint + " is documented for the roles it lets through", () -> {
            String[] methodAndPath = endpoint.split(" ");
            OpenApiDocument.Operation operation = document().serving(methodAndPath[0], methodAndPath[1])
                    .orElseThrow(() -> new AssertionError(endpoint + " is not in the OpenAPI document"));
            Set<String> letThrough = USERS.stream().filter(user -> !user.equals(ANONYMOUS))
                    .filter(user -> expected.containsKey(user) ? expected.get(user) != 403 : otherwise / 100 == 2)
                    .map(AuthorizationMatrixIT::roleOf).collect(Collectors.toCollection(TreeSet::new));
            assertThat(operation.roles()).as(operation + " x-roles").containsAll(letThrough);
        }));
        for (String user : USERS) {
            int status = user.equals(ANONYMOUS) ? 401 : expected.getOrDefault(user, otherwise);
            cells.add(DynamicTest.dynamicTest(endpoint + " as " + user + " → " + status, () -> {
                EntityExchangeResult<String> answer = request.apply(user);
                String body = answer.getResponseBody() == null ? "" : answer.getResponseBody();
                assertThat(answer.getStatus().value()).as(body).isEqualTo(status);
                boolean mayShowPersonalData = endpoint.startsWith("POST /scans") && status == 200;
                if (!mayShowPersonalData) {
                    assertThat(body).doesNotContain(PERSONAL);
                }
                assertThat(body).doesNotContain("Exception", "at com.");
            }));
        }
        return cells;
    }

    /**
     * Every handler method is an operation of the OpenAPI document, and the document has no other: an endpoint
     * added without documentation fails here. Each has a summary, the roles that may call it (or none, marked as
     * needing no token), and problem codes from the catalogue, each under a response of its status; at least
     * those that its token, its JSON body and its Idempotency-Key header make it answer.
     */
    /** The request predicates of every router function, as Spring writes them, e.g. {@code (GET && /path)}. */
    private List<String> routerFunctionRoutes() {
        List<String> routes = new ArrayList<>();
        RouterFunctions.Visitor visitor = new RouterFunctions.Visitor() {
            @Override
            public void startNested(RequestPredicate predicate) {
                routes.add("nested " + predicate);
            }

            @Override
            public void endNested(RequestPredicate predicate) {
            }

            @Override
            public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
                routes.add(predicate.toString());
            }

            @Override
            public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
                routes.add("resources " + lookupFunction);
            }

            @Override
            public void attributes(Map<String, Object> attributes) {
            }

            @Override
            public void unknown(RouterFunction<?> routerFunction) {
                routes.add("unknown " + routerFunction);
            }
        };
        app.getBeansOfType(RouterFunctionMapping.class).values().stream().map(RouterFunctionMapping::getRouterFunction)
                .filter(Objects::nonNull).forEach(function -> function.accept(visitor));
        return routes;
    }

    @Test
    void everyEndpointIsDocumentedWithItsRolesAndProblems() {
        assertThat(routerFunctionRoutes()).as("router functions serve the web pages only (module web); an API endpoint "
                + "there would escape this check").containsExactlyInAnyOrder("(GET && /)", "((GET && /ui) || (GET && /ui/))");
        Set<String> endpoints = new TreeSet<>();
        app.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping -> mapping.getHandlerMethods()
                .forEach((info, handler) -> {
                    if (handler.getBeanType().getPackageName().startsWith(SPRINGDOC)) {
                        return;
                    }
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                        if (methods.isEmpty()) {
                            endpoints.add("(every method) " + pattern.getPatternString());
                        }
                        methods.forEach(method -> endpoints.add(method + " " + pattern.getPatternString()));
                    }
                }));
        assertThat(endpoints).as("handler methods").hasSizeGreaterThan(30);
        assertThat(document().operations()).map(Object::toString).as("operations in /v3/api-docs")
                .containsExactlyInAnyOrderElementsOf(endpoints);

        Set<String> roleNames = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        Set<String> catalogue = Arrays.stream(ProblemCode.values()).map(ProblemCode::name).collect(Collectors.toSet());
        SoftAssertions softly = new SoftAssertions();
        for (OpenApiDocument.Operation operation : document().operations()) {
            softly.assertThat(operation.summary()).as(operation + " summary").isNotBlank();
            softly.assertThat(operation.roles()).as(operation + " x-roles").isNotNull();
            if (operation.roles() == null) {
                continue;
            }
            softly.assertThat(operation.roles().isEmpty()).as(operation + ": no roles if and only if it needs no token")
                    .isEqualTo(operation.anonymous());
            softly.assertThat(roleNames).as(operation + " x-roles").containsAll(operation.roles());
            List<String> codes = operation.problemCodes();
            for (String code : codes) {
                softly.assertThat(catalogue).as(operation + " x-problem-codes in the catalogue").contains(code);
                if (catalogue.contains(code)) {
                    softly.assertThat(operation.response(ProblemCode.valueOf(code).status().value()))
                            .as(operation + " response for " + code).contains("`" + code + "`");
                }
            }
            if (!operation.anonymous()) {
                softly.assertThat(codes).as(operation + " x-problem-codes").contains("UNAUTHENTICATED", "FORBIDDEN");
            }
            if (operation.takesBody()) {
                softly.assertThat(codes).as(operation + " x-problem-codes").contains("MALFORMED_JSON", "VALIDATION_FAILED");
            }
            if (operation.takesHeader("Idempotency-Key")) {
                softly.assertThat(codes).as(operation + " x-problem-codes").contains("INVALID_IDEMPOTENCY_KEY");
            }
            // Without a body, a retry with the same key is the same request, so only then can the key be misused.
            if (operation.takesHeader("Idempotency-Key") && operation.takesBody()) {
                softly.assertThat(codes).as(operation + " x-problem-codes").contains("DUPLICATE_REQUEST_MISMATCH");
            }
        }
        softly.assertAll();
    }

    @TestFactory
    Stream<DynamicTest> onlyOperationsDocumentedAsNeedingNoTokenAnswerWithoutOne() {
        return document().operations().stream().map(operation -> DynamicTest.dynamicTest(operation + " without a token",
                () -> {
                    EntityExchangeResult<String> answer = call(HttpMethod.valueOf(operation.method()),
                            operation.pathWith("SWP"), ANONYMOUS, null);
                    if (operation.anonymous()) {
                        assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isNotEqualTo(401);
                    } else {
                        assertThat(answer.getStatus().value()).isEqualTo(401);
                        assertThat(answer.getResponseBody()).contains("\"code\":\"UNAUTHENTICATED\"");
                    }
                }));
    }

    /**
     * Swagger UI's page and its configuration are let through without a token. The page is a static file from a
     * jar, which Spring reads on the event loop, so BlockHound fails its request in this JVM: only "not refused"
     * is asserted of it here.
     */
    @Test
    void swaggerUiIsOpenWithoutAToken() {
        URI ui = client().get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(ui.getPath()).isEqualTo("/swagger-ui/index.html");
        assertThat(client().get().uri(ui.getPath()).exchange().returnResult(Void.class).getStatus().value())
                .isNotEqualTo(401);
        client().get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/v3/api-docs");
    }

    private static synchronized OpenApiDocument document() {
        if (document == null) {
            document = OpenApiDocument.fetch(client());
        }
        return document;
    }

    /** The role the demo user's token carries, as {@code GET /auth/me} tells it. */
    private static String roleOf(String user) {
        return ROLE_OF_USER.computeIfAbsent(user, name -> field(call(HttpMethod.GET, "/auth/me", name, null), "role"));
    }

    /** Pairs of status and user, e.g. {@code expect(200, "sender1", 403, "admin-nrt")}. */
    private static Map<String, Integer> expect(Object... statusThenUser) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < statusThenUser.length; i += 2) {
            expected.put((String) statusThenUser[i + 1], (Integer) statusThenUser[i]);
        }
        return expected;
    }

    private static EntityExchangeResult<String> call(HttpMethod method, String path, String user, Object body) {
        WebTestClient.RequestBodySpec request = client().method(method).uri(path);
        if (!user.equals(ANONYMOUS)) {
            request.header("Authorization", "Bearer " + new DemoLogins(client(), port()).accessToken(user));
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().expectBody(String.class).returnResult();
    }

    /** A parcel sender1 handed to courier-swp-1, once the read model shows it: its tracking number. */
    private static String trackedParcel() throws InterruptedException {
        EntityExchangeResult<String> created = call(HttpMethod.POST, "/waybills", "sender1", createRequest());
        String id = field(created, "waybillId");
        call(HttpMethod.POST, "/waybills/" + id + "/labels", "sender1", null);
        call(HttpMethod.POST, "/waybills/" + id + "/handoffs", "sender1", Map.of("toCourier", "courier-swp-1"));
        String trackingNumber = field(created, "trackingNumber");
        for (int attempt = 0; attempt < 200 && !visibleToSender(trackingNumber); attempt++) {
            Thread.sleep(100);
        }
        assertThat(visibleToSender(trackingNumber)).as("the read model shows the parcel").isTrue();
        return trackingNumber;
    }

    private static boolean visibleToSender(String trackingNumber) {
        return call(HttpMethod.GET, "/tracking/" + trackingNumber, "sender1", null).getStatus().value() == 200;
    }

    private static String createWaybill() {
        return field(call(HttpMethod.POST, "/waybills", "sender1", createRequest()), "waybillId");
    }

    private static String printedWaybill() {
        String id = createWaybill();
        call(HttpMethod.POST, "/waybills/" + id + "/labels", "sender1", null);
        return id;
    }

    private static String inCourierSwp1Hands() {
        String id = printedWaybill();
        call(HttpMethod.POST, "/waybills/" + id + "/handoffs", "sender1", Map.of("toCourier", "courier-swp-1"));
        return id;
    }

    private static String delivered() {
        String id = inCourierSwp1Hands();
        call(HttpMethod.POST, "/waybills/" + id + "/delivery", "courier-swp-1", Map.of("method", "AT_DOOR"));
        return id;
    }

    /** What a scanner reads: the QR text of the ZPL label, which the printer encodes as it is. */
    private static String qrTextOf(String printedId) {
        String zpl = call(HttpMethod.GET, "/waybills/" + printedId + "/labels/current?format=zpl", "sender1", null).getResponseBody();
        return zpl.replaceAll("(?s).*\\^FDQA,([^^]+)\\^FS.*", "$1");
    }

    private static String field(EntityExchangeResult<String> answer, String name) {
        String body = answer.getResponseBody();
        assertThat(answer.getStatus().is2xxSuccessful()).as(body).isTrue();
        return body.replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }

    private static Map<String, Object> createRequest() {
        return Map.of("carrier", "SWP", "service", "STANDARD",
                "sender", Map.of("name", "Kim Minji", "phone", "010-1234-5678", "address",
                        Map.of("line1", "12 Sejong-daero", "city", "Seoul", "postalCode", "04524", "country", "KR")),
                "recipient", Map.of("name", "Lee Jun", "phone", "010-5555-0101", "address",
                        Map.of("line1", "45 Haeundae-ro", "city", "Busan", "postalCode", "48094", "country", "KR")),
                "parcel", Map.of("weightGrams", 1200, "lengthCm", 30, "widthCm", 20, "heightCm", 10));
    }

    private static WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port()).build();
    }

    private static String port() {
        return app.getEnvironment().getProperty("local.server.port");
    }
}
