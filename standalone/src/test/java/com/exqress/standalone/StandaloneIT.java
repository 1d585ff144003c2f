package com.exqress.standalone;

import com.exqress.identity.DemoLogins;
import com.exqress.waybill.api.PersonalData;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillDelivered;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.yaml.snakeyaml.Yaml;
import reactor.core.Disposable;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default as a new user runs it: no datasource configured, so the application starts its own
 * PostgreSQL in the data directory, serves the whole lifecycle and the history on one port, and keeps the
 * data across a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class StandaloneIT {

    /** The failsafe plugin runs in the module's directory; the README and docs/audit are one level up. */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext app;

    private static final Map<String, Object> WAYBILL = Map.of(
            "carrier", "SWP", "service", "STANDARD",
            "sender", Map.of("name", "Kim Minji", "phone", "010-1234-5678", "address",
                    Map.of("line1", "12 Sejong-daero", "city", "Seoul", "postalCode", "04524", "country", "KR")),
            "recipient", Map.of("name", "Lee Jun", "phone", "010-5555-0101", "address",
                    Map.of("line1", "45 Haeundae-ro", "city", "Seoul", "postalCode", "03187", "country", "KR")),
            "parcel", Map.of("weightGrams", 1200, "lengthCm", 30, "widthCm", 20, "heightCm", 10),
            "note", "leave with the guard");

    @BeforeAll
    static void start() {
        app = startExqress();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void startsItsOwnPostgresInTheDataDirectoryAndSaysWhenReady(CapturedOutput output) {
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        assertThat(output.getAll()).containsPattern("Exqress is ready at http://localhost:[0-9]+ \\(embedded PostgreSQL, "
                + "data in " + Pattern.quote(dataDir.toAbsolutePath().toString()) + "\\)");
        for (String carrier : List.of("SWP", "BLR", "NRT")) {
            assertThat(dataDir.resolve("keys/labels/" + carrier + ".json")).exists();
        }
        assertThat(dataDir.resolve("keys/identity-signing-keys.json")).exists();
        assertThat(dataDir.resolve("keys/data-master-keys.json")).exists();
    }

    @Test
    void walkThroughFromCreateToDisposeShowsTheWholeHistoryWithoutPersonalData() throws Exception {
        String id = walkThrough();

        String history = historyAs("auditor", id).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode events = new ObjectMapper().readTree(history).get("events");
        assertThat(events).extracting(event -> event.get("type").asText()).containsExactly("WaybillCreated",
                "LabelPrinted", "CustodyTransferred", "CustodyTransferred", "WaybillDelivered", "LabelRevoked",
                "WaybillDisposed");
        assertThat(events).extracting(event -> event.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events.get(0).at("/payload/provenance/actor/id/value").asText()).isEqualTo("sender1");
        assertThat(events.get(0).at("/payload/personalData").asText()).isEqualTo("[redacted personal data]");
        assertThat(events.get(4).at("/payload/personalData").asText()).isEqualTo("[redacted personal data]");
        assertThat(history).doesNotContain("Kim Minji", "010-1234-5678", "Sejong-daero", "Lee Jun", "Haeundae-ro",
                "leave with the guard", "Doorman Park");
    }

    /**
     * Disposal as the recipient asks for it, then the database as anyone with a copy of it would read it: no personal
     * string of the waybill in any table of any schema of any database, while its events remain, read as erased, and
     * still verify. The recipient's phone stays where it belongs to the recipient: their own account.
     */
    @Test
    void disposalLeavesNoPersonalDataAnywhereWhileTheHistoryStillVerifies(CapturedOutput output) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        List<String> personal = List.of("Ottoline Quimby " + unique, "010-7319-" + (Math.floorMod(unique.hashCode(), 9000) + 1000),
                "ottoline." + unique + "@example.com", "77 Wisteria Lane " + unique, "Annex " + unique,
                "Gwacheon " + unique, "Zebedee Farthing " + unique, "9 Marigold Row " + unique, "Suite " + unique,
                "ring twice " + unique, "Tamsin Neighbour " + unique, "under the mat " + unique);
        String recipientPhone = "010-5555-0101";
        String id = createWaybill(Map.of("carrier", "SWP", "service", "STANDARD",
                "sender", Map.of("name", personal.get(0), "phone", personal.get(1), "email", personal.get(2),
                        "address", Map.of("line1", personal.get(3), "line2", personal.get(4), "city", personal.get(5),
                                "postalCode", "04524", "country", "KR")),
                "recipient", Map.of("name", personal.get(6), "phone", recipientPhone, "address",
                        Map.of("line1", personal.get(7), "line2", personal.get(8), "city", personal.get(5),
                                "postalCode", "03187", "country", "KR")),
                "parcel", Map.of("weightGrams", 800, "lengthCm", 20, "widthCm", 15, "heightCm", 5),
                "note", personal.get(9)));
        post("/waybills/" + id + "/labels", "sender1", null);
        String qrText = qrTextOfCurrentLabel(id);
        post("/waybills/" + id + "/handoffs", "sender1", Map.of("toCourier", "courier-swp-1"));
        post("/waybills/" + id + "/delivery", "courier-swp-1",
                Map.of("method", "TO_RECIPIENT", "receivedBy", personal.get(10), "note", personal.get(11)));
        assertThat(storedPersonalData(id)).as("readable before disposal").containsExactly("WaybillCreated " + personal.get(0),
                "WaybillCreated " + personal.get(6), "WaybillDelivered " + personal.get(10));

        post("/waybills/" + id + "/disposal", "recipient1", null);

        assertThat(storedPersonalData(id)).as("the events are all there, their personal data erased")
                .containsExactly("WaybillCreated " + PersonalData.ERASED, "WaybillCreated " + PersonalData.ERASED,
                        "WaybillDelivered " + PersonalData.ERASED);
        client().get().uri("/audit/waybills/{id}/verify", id).header("Authorization", bearer("auditor"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.intact").isEqualTo(true)
                .jsonPath("$.events").isEqualTo((int) app.getBean(EventStore.class).readEvents(id).asStream().count());
        client().post().uri("/labels/verifications").header("Authorization", bearer("courier-swp-1"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("qrText", qrText))
                .exchange().expectStatus().isEqualTo(410).expectBody().jsonPath("$.code").isEqualTo("LABEL_DISPOSED");

        DatabaseDump dump = new DatabaseDump(app.getEnvironment().getProperty("spring.datasource.url"), "postgres");
        assertThat(dump.find(id)).as("the dump reads what is there, inside binary payloads too")
                .contains(new DatabaseDump.Place("postgres", "public.domain_event_entry", "payload"));
        for (String text : personal) {
            assertThat(dump.find(text)).as(text).isEmpty();
        }
        assertThat(dump.find(recipientPhone)).extracting(DatabaseDump.Place::database).containsOnly("exqress_identity");
        assertThat(dump.largeObjects()).isZero();
        assertThat(output.getAll()).doesNotContain(personal);
    }

    /**
     * Names in the waybill's events as the services read them from the store: the sender's and recipient's from its
     * creation, who received it from its delivery.
     */
    private static List<String> storedPersonalData(String id) {
        return app.getBean(EventStore.class).readEvents(id).asStream().map(event -> event.getPayload())
                .<String>mapMulti((payload, found) -> {
                    if (payload instanceof WaybillCreated created) {
                        found.accept("WaybillCreated " + created.personalData().sender().name());
                        found.accept("WaybillCreated " + created.personalData().recipient().name());
                    }
                    if (payload instanceof WaybillDelivered delivered) {
                        found.accept("WaybillDelivered " + delivered.personalData().receivedBy());
                    }
                })
                .toList();
    }

    /** The whole read side, live: command, event store, projection, pg_notify, query-api's stream, and the Kafka relay. */
    @Test
    void aCustodyStepReachesTheRecipientsLiveTrackingAndTheIntegrationTopic() throws Exception {
        String id = createWaybill();
        post("/waybills/" + id + "/labels", "sender1", null);
        String trackingNumber = trackingNumberOf(id);
        // The stream answers WAYBILL_NOT_FOUND until the read model has the parcel, moments after its creation.
        await().atMost(Duration.ofSeconds(20)).until(() -> client().get().uri("/tracking/{trackingNumber}", trackingNumber)
                .header("Authorization", bearer("recipient1")).exchange().returnResult(String.class).getStatus().is2xxSuccessful());
        BlockingQueue<String> views = new LinkedBlockingQueue<>();
        Disposable stream = WebClient.create("http://localhost:" + port()).get()
                .uri("/tracking/{trackingNumber}/stream", trackingNumber).header("Authorization", bearer("recipient1"))
                .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .mapNotNull(ServerSentEvent::data).subscribe(views::add);
        try {
            assertThat(views.poll(20, TimeUnit.SECONDS)).as("the current view first").contains("\"status\":\"INFO_RECEIVED\"");

            post("/waybills/" + id + "/handoffs", "sender1", Map.of("toCourier", "courier-swp-1"));

            assertThat(views.poll(20, TimeUnit.SECONDS)).as("pushed after the hand-off")
                    .contains("\"status\":\"PICKED_UP\"").doesNotContain("courier-swp-1", "sender1");
        } finally {
            stream.dispose();
        }
        List<String> published = integrationEventsOf(id, 3);
        assertThat(published).extracting(event -> event.replaceAll(".*\"type\":\"([A-Z_]+)\".*", "$1"))
                .containsExactly("WAYBILL_CREATED", "LABEL_PRINTED", "CUSTODY_TRANSFERRED");
        assertThat(String.join("\n", published)).doesNotContain("Kim Minji", "010-1234-5678", "Sejong-daero", "Lee Jun",
                "010-5555-0101", "leave with the guard", "sender1", "courier-swp-1");
    }

    /**
     * The trace id of a request, sent as W3C traceparent, is in the log lines of the command handling it reaches
     * and of the handling of the events it recorded by the tracking processors, on their own threads.
     */
    @Test
    void aRequestsTraceIdIsInTheLogLinesOfItsCommandAndEventHandling(CapturedOutput output) {
        String traceId = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

        client().post().uri("/waybills").header("Authorization", bearer("sender1"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(WAYBILL).exchange().expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(HandlerTraceProbe.HANDLED)
                .filteredOn(handled -> traceId.equals(handled.traceId()))
                .anyMatch(handled -> handled.kind().equals("command") && handled.type().equals("CreateWaybill"))
                .anyMatch(handled -> handled.kind().equals("event") && handled.type().equals("WaybillCreated")
                        && !handled.thread().startsWith("exqress-blocking")));
        assertThat(output.getAll().lines().filter(line -> line.contains("probe: handling command CreateWaybill")))
                .anyMatch(line -> line.contains(traceId));
        assertThat(output.getAll().lines().filter(line -> line.contains("probe: handling event WaybillCreated")))
                .anyMatch(line -> line.contains(traceId));
    }

    /**
     * Every series that the Grafana dashboard, the alert rules, the canary analysis and the autoscaler in infra/
     * query is in what Prometheus scrapes from a running instance after some traffic, with the labels their matchers
     * name: a renamed metric, a tag dropped, or a histogram published without buckets fails here, not on a blank panel.
     * Labels that Prometheus itself adds to scraped samples are not the application's to expose.
     */
    @Test
    void everyMetricTheDashboardAlertsAndCanaryQueryIsExposed() throws Exception {
        Set<String> scrapeLabels = Set.of("rollouts_pod_template_hash", "job", "instance", "namespace", "pod", "service",
                "container", "endpoint");
        List<String> queries = queriesInInfra();
        assertThat(queries).hasSizeGreaterThan(25);
        client().post().uri("/scans").header("Authorization", bearer("courier-swp-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("qr", "not a label", "action", "PICKUP", "deviceTime", "2026-11-23T09:15:00Z"))
                .exchange().expectStatus().isBadRequest();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Set<String>> exposed = exposedSeries();
            List<String> missing = new ArrayList<>();
            for (String query : queries) {
                for (PromQlSelectors.Selector selector : PromQlSelectors.of(query)) {
                    if (!exposed.containsKey(selector.metric())) {
                        missing.add(selector.metric() + " (in " + query.strip() + ")");
                    } else {
                        selector.labels().stream().filter(label -> !scrapeLabels.contains(label))
                                .filter(label -> !exposed.get(selector.metric()).contains(label))
                                .forEach(label -> missing.add(selector.metric() + " label " + label));
                    }
                }
            }
            assertThat(missing).as("series queried in infra/ but not exposed").isEmpty();
        });
    }

    /**
     * The PromQL of the Grafana dashboard's panels, the PrometheusRule's alerts, the canary's analysis and the series
     * that prometheus-adapter serves to projections' autoscaler.
     */
    @SuppressWarnings("unchecked")
    private static List<String> queriesInInfra() throws IOException {
        List<String> queries = new ArrayList<>();
        new ObjectMapper().readTree(REPOSITORY.resolve("infra/grafana/exqress-dashboard.json").toFile())
                .findValues("expr").forEach(expr -> queries.add(expr.asText()));
        Map<String, Object> alerts = new Yaml().load(Files.readString(REPOSITORY.resolve("infra/argocd/base/alerts.yaml")));
        for (Map<String, Object> group : listAt(alerts, "spec", "groups")) {
            listAt(group, "rules").forEach(rule -> queries.add(rule.get("expr").toString()));
        }
        Map<String, Object> analysis = new Yaml().load(Files.readString(REPOSITORY.resolve("infra/argocd/base/analysis-template.yaml")));
        listAt(analysis, "spec", "metrics").forEach(metric -> queries.add(((Map<?, ?>) ((Map<?, ?>) metric.get("provider"))
                .get("prometheus")).get("query").toString()));
        for (Object document : new Yaml().loadAll(Files.readString(REPOSITORY.resolve("infra/argocd/cluster/base/add-ons.yaml")))) {
            Map<String, Object> application = (Map<String, Object>) document;
            if (((Map<?, ?>) application.get("metadata")).get("name").equals("prometheus-adapter")) {
                listAt(application, "spec", "source", "helm", "valuesObject", "rules", "external")
                        .forEach(rule -> queries.add(rule.get("seriesQuery").toString()));
            }
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listAt(Map<String, Object> map, String... path) {
        Object node = map;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (List<Map<String, Object>>) node;
    }

    /** Each sample name of the scrape, with every label name it has on any of its series. */
    private static Map<String, Set<String>> exposedSeries() {
        String scrape = WebTestClient.bindToServer().baseUrl("http://localhost:" + port())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Map<String, Set<String>> series = new HashMap<>();
        Pattern sample = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? \\S+");
        Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");
        scrape.lines().filter(line -> !line.startsWith("#")).map(sample::matcher).filter(Matcher::matches).forEach(match -> {
            Set<String> labels = series.computeIfAbsent(match.group(1), name -> new HashSet<>());
            if (match.group(2) != null) {
                label.matcher(match.group(2)).results().forEach(result -> labels.add(result.group(1)));
            }
        });
        return series;
    }

    @Test
    void historyIsForAuditorsAndAdminsOfTheWaybillsCarrierOnly() {
        String id = createWaybill();

        historyAs("admin-swp", id).expectStatus().isOk();
        historyAs("admin-blr", id).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("WAYBILL_NOT_FOUND");
        historyAs("courier-swp-1", id).expectStatus().isForbidden();
        historyAs("sender1", id).expectStatus().isForbidden();
        historyAs(null, id).expectStatus().isUnauthorized();
    }

    @Test
    void dataTheLabelSigningKeyAndTheMasterKeySurviveARestart() throws Exception {
        String id = createWaybill();
        post("/waybills/" + id + "/labels", "sender1", null);
        String qrText = qrTextOfCurrentLabel(id);
        String keysBefore = publicKeys();

        app.close();
        app = startExqress();

        historyAs("auditor", id).expectStatus().isOk().expectBody().jsonPath("$.events[0].type").isEqualTo("WaybillCreated");
        assertThat(publicKeys()).isEqualTo(keysBefore);
        assertThat(storedPersonalData(id)).as("its personal data still opens").contains("WaybillCreated Kim Minji");
        client().post().uri("/labels/verifications").header("Authorization", bearer("courier-swp-1"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("qrText", qrText))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.waybillId").isEqualTo(id);
    }

    /**
     * The README's chain check as an auditor runs it in the repository: its psql command, word for word, piped into
     * docs/audit/verify_chain.py, on the database where the README says it is. Then one payload byte of a waybill of
     * its own is altered as a superuser could, and the same command names that event.
     */
    @Test
    void theReadmesChainCheckFindsAHistoryIntactAndThenItsAlteredEvent(@TempDir Path work) throws Exception {
        String id = walkThrough();
        Map<String, String> environment = Map.of("PGHOST", "localhost",
                "PGPORT", Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3),
                "PGUSER", "postgres", "PGDATABASE", "postgres", "WAYBILL", id);

        assertThat(run(work, environment, "bash", "-c", readmesChainCheck()))
                .isEqualTo(new Run(0, "intact: 7 events\n"));

        alterOnePayloadByte(id, 3);

        assertThat(run(work, environment, "bash", "-c", readmesChainCheck()))
                .isEqualTo(new Run(1, "broken at sequence 3 of 7 events: HASH_MISMATCH\n"));
    }

    /**
     * The README's checkpoint check: docs/audit/verify_checkpoint.py on a new checkpoint, the JWKS and the proof of a
     * waybill's first event, as the API gives them; then on that proof with its leaf altered.
     */
    @Test
    void theReadmesCheckpointCheckAcceptsAnEventsProofAndRefusesItWithAnAlteredLeaf(@TempDir Path work) throws Exception {
        String id = createWaybill();
        String eventId = new ObjectMapper().readTree(get("auditor", "/waybills/{id}/events", id))
                .at("/events/0/eventId").asText();
        Object checkpoint = client().post().uri("/audit/checkpoints").header("Authorization", bearer("auditor"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Path checkpointFile = Files.writeString(work.resolve("checkpoint.json"),
                get("auditor", "/audit/checkpoints/{id}", checkpoint));
        Path jwksFile = Files.writeString(work.resolve("jwks.json"), get(null, "/audit/checkpoints/jwks.json"));
        ObjectNode proof = (ObjectNode) new ObjectMapper().readTree(
                get("auditor", "/audit/checkpoints/{id}/proof?eventId={eventId}", checkpoint, eventId));
        Path proofFile = Files.writeString(work.resolve("proof.json"), proof.toString());

        Run verified = run(work, Map.of(), "python3", "docs/audit/verify_checkpoint.py",
                checkpointFile.toString(), jwksFile.toString(), proofFile.toString());
        assertThat(verified.exitStatus()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("included: event " + eventId + " is leaf ");

        String leaf = proof.get("leaf").asText();
        proof.put("leaf", (leaf.charAt(0) == '0' ? "1" : "0") + leaf.substring(1));
        Path alteredFile = Files.writeString(work.resolve("altered-proof.json"), proof.toString());

        Run refused = run(work, Map.of(), "python3", "docs/audit/verify_checkpoint.py",
                checkpointFile.toString(), jwksFile.toString(), alteredFile.toString());
        assertThat(refused.exitStatus()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).endsWith("FAILED: event " + eventId + " does not lead to the signed root\n");
    }

    /** The README's psql command piped into verify_chain.py, exactly as it stands there. */
    private static String readmesChainCheck() throws IOException {
        Matcher command = Pattern.compile("psql -At .*?verify_chain\\.py", Pattern.DOTALL)
                .matcher(Files.readString(REPOSITORY.resolve("README.md")));
        assertThat(command.find()).as("the README's chain check").isTrue();
        return command.group();
    }

    /** As the superuser, with the append-only trigger off for this session, as anyone with those rights could. */
    private static void alterOnePayloadByte(String id, long sequence) throws SQLException {
        String url = app.getEnvironment().getProperty("spring.datasource.url");
        try (Connection owner = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement session = owner.createStatement()) {
                session.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement edit = owner.prepareStatement("UPDATE domain_event_entry"
                    + " SET payload = set_byte(payload, 10, get_byte(payload, 10) # 1)"
                    + " WHERE aggregate_identifier = ? AND sequence_number = ?")) {
                edit.setString(1, id);
                edit.setLong(2, sequence);
                assertThat(edit.executeUpdate()).isEqualTo(1);
            }
        }
    }

    /** What a command printed, standard output and error together, and its exit status. */
    private record Run(int exitStatus, String output) {
    }

    /**
     * Runs a command in the repository, as an auditor would in a shell there. Its output goes to a file in
     * {@code work} rather than a pipe, so that a command that hangs cannot hold up the wait and its time limit.
     */
    private static Run run(Path work, Map<String, String> environment, String... command) throws Exception {
        Path output = Files.createTempFile(work, "output", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(output));
    }

    private static String walkThrough() {
        String id = createWaybill();
        post("/waybills/" + id + "/labels", "sender1", null);
        post("/waybills/" + id + "/handoffs", "sender1", Map.of("toCourier", "courier-swp-1"));
        post("/waybills/" + id + "/handoffs", "courier-swp-1", Map.of("toCourier", "courier-blr-1"));
        post("/waybills/" + id + "/delivery", "courier-blr-1", Map.of("method", "TO_RECIPIENT", "receivedBy", "Doorman Park", "photoReference", "photo-7"));
        post("/waybills/" + id + "/disposal", "recipient1", null);
        return id;
    }

    /** The tracking number from the waybill's history, as its carrier's admin reads it. */
    private static String trackingNumberOf(String id) throws Exception {
        String history = historyAs("admin-swp", id).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return new ObjectMapper().readTree(history).at("/events/0/payload/trackingNumber/value").asText();
    }

    /** The first {@code count} integration events published for a waybill, read from the in-process broker. */
    private static List<String> integrationEventsOf(String waybillId, int count) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.getEnvironment().getProperty("spring.kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "standalone-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("exqress.waybill-events.v1"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (events.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(waybillId)) {
                        events.add(record.value());
                    }
                }
            }
        }
        return events;
    }

    private static String createWaybill() {
        return createWaybill(WAYBILL);
    }

    private static String createWaybill(Map<String, Object> request) {
        return client().post().uri("/waybills").header("Authorization", bearer("sender1"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("waybillId").toString();
    }

    private static void post(String path, String user, Object body) {
        WebTestClient.RequestBodySpec request = client().post().uri(path).header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON);
        (body == null ? request.exchange() : request.bodyValue(body).exchange()).expectStatus().isOk();
    }

    /** The body of a GET that must answer 200, as the user (null: without logging in). */
    private static String get(String user, String uri, Object... variables) {
        WebTestClient.RequestHeadersSpec<?> request = client().get().uri(uri, variables);
        if (user != null) {
            request.header("Authorization", bearer(user));
        }
        return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static WebTestClient.ResponseSpec historyAs(String user, String id) {
        WebTestClient.RequestHeadersSpec<?> request = client().get().uri("/waybills/{id}/events", id);
        if (user != null) {
            request.header("Authorization", bearer(user));
        }
        return request.exchange();
    }

    private static String qrTextOfCurrentLabel(String id) throws Exception {
        byte[] png = client().get().uri("/waybills/{id}/labels/current?format=png", id).header("Authorization", bearer("sender1"))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static String publicKeys() {
        return client().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** Logs in through POST /auth/login like any client; the login is kept per server port. */
    private static String bearer(String user) {
        return "Bearer " + new DemoLogins(client(), port()).accessToken(user);
    }

    private static WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port()).build();
    }

    private static String port() {
        return app.getEnvironment().getProperty("local.server.port");
    }

    private static ConfigurableApplicationContext startExqress() {
        assertThat(Files.isDirectory(dataDir)).isTrue();
        return new SpringApplicationBuilder(ExqressApplication.class, HandlerTraceProbe.class)
                // No data key cached: every read of personal data goes to the database, so BlockHound catches one on an
                // event loop that a warm cache would hide.
                .run("--server.port=0", "--exqress.data-dir=" + dataDir, "--exqress.data-keys.cache-ttl=0s");
    }
}
