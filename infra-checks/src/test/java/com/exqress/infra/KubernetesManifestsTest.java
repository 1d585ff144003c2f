package com.exqress.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest under infra/argocd, and what every Kustomize overlay builds from them, is what Kubernetes and Argo
 * CD would accept: it validates against the API's schemas (unknown fields refused, as the API server does), its
 * references resolve, and it runs the services' own images with probes on endpoints the services serve.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsTest {

    /** Values the base holds until an overlay replaces them; none may survive into what an overlay builds. */
    private static final List<String> PLACEHOLDERS =
            List.of("set-by-overlay", "registry.invalid", "exqress.invalid", "/ENVIRONMENT/", "192.0.2.0/24");
    /** Spring Boot's structured log formats: one JSON object a line. */
    private static final Set<String> JSON_LOG_FORMATS = Set.of("ecs", "logstash", "gelf");

    /** Each kustomization directory and what it builds. */
    private final Map<Path, List<JsonNode>> builds = new LinkedHashMap<>();
    /** The directories Argo CD syncs: overlays/<environment> and cluster/overlays/<environment>. */
    private final List<Path> deployed = new ArrayList<>();
    private JsonNode validation;

    @BeforeAll
    void buildEveryKustomization() throws IOException {
        String version = Infra.run(Infra.ROOT, Duration.ofSeconds(30), List.of("kubectl", "version", "--client"));
        assertThat(version).as("kubectl with Kustomize v5, as Argo CD runs it").contains("Kustomize Version: v5");
        List<Path> toValidate = new ArrayList<>();
        Files.createDirectories(Infra.WORK_DIR);
        for (Path kustomization : Infra.files(Infra.ARGOCD, "kustomization.yaml")) {
            Path dir = kustomization.getParent();
            String built = Infra.kustomize(dir);
            Path output = Infra.WORK_DIR.resolve("kustomize-" + Infra.relative(dir).replace('/', '-') + ".yaml");
            Files.writeString(output, built);
            builds.put(dir, Infra.documents(built));
            toValidate.add(output);
            if (dir.getParent().getFileName().toString().equals("overlays")) {
                deployed.add(dir);
            }
        }
        assertThat(deployed).as("overlays Argo CD syncs").hasSizeGreaterThanOrEqualTo(4);
        // Every manifest file as written too, so that a file no kustomization lists is checked as well.
        for (Path yaml : Infra.files(Infra.ARGOCD, ".yaml")) {
            if (!yaml.getFileName().toString().equals("kustomization.yaml")) {
                toValidate.add(yaml);
            }
        }
        validation = Infra.node("validate-manifests.js", toValidate);
    }

    @Test
    void everyManifestValidatesAgainstItsSchema() {
        List<String> errors = new ArrayList<>();
        for (JsonNode document : validation) {
            document.path("errors").forEach(error -> errors.add(Infra.relative(Path.of(document.path("file").asText()))
                    + " #" + document.path("index").asInt() + " " + document.path("kind").asText() + "/"
                    + document.path("name").asText() + ": " + error.asText()));
        }
        assertThat(validation.size()).as("documents validated").isGreaterThan(100);
        assertThat(errors).as("schema violations").isEmpty();
    }

    @Test
    void overlaysReplaceEveryPlaceholder() {
        List<String> left = new ArrayList<>();
        for (Path dir : deployed) {
            String text = String.join("\n", builds.get(dir).stream().map(JsonNode::toString).toList());
            PLACEHOLDERS.stream().filter(text::contains).forEach(placeholder -> left.add(Infra.relative(dir) + ": " + placeholder));
        }
        assertThat(left).as("placeholders an overlay did not replace").isEmpty();
    }

    @Test
    void everyTerraformOutputIsUsedByTheEnvironmentsOverlays() throws IOException {
        for (Path outputs : Infra.files(Infra.ARGOCD.resolve("overlays"), "outputs.env")) {
            String environment = outputs.getParent().getParent().getFileName().toString();
            Set<String> used = new TreeSet<>();
            for (Path kustomization : List.of(Infra.ARGOCD.resolve("overlays").resolve(environment).resolve("kustomization.yaml"),
                    Infra.ARGOCD.resolve("cluster/overlays").resolve(environment).resolve("kustomization.yaml"))) {
                for (JsonNode replacement : Infra.documents(Infra.read(kustomization)).get(0).path("replacements")) {
                    if (replacement.path("source").path("name").asText().equals("terraform-outputs")) {
                        used.add(replacement.path("source").path("fieldPath").asText().replace("data.", ""));
                    }
                }
            }
            Set<String> unused = new TreeSet<>(Infra.envFile(outputs).keySet());
            unused.removeAll(used);
            assertThat(unused).as(environment + ": Terraform outputs no overlay uses").isEmpty();
        }
    }

    @Test
    void workloadsRunTheServicesOwnImages() {
        for (Path dir : servicesOverlays()) {
            Map<String, String> terraform = Infra.envFile(dir.resolve("terraform-outputs/outputs.env"));
            Map<String, JsonNode> workloads = workloads(builds.get(dir));
            assertThat(workloads.keySet()).as(Infra.relative(dir) + " workloads").containsExactlyInAnyOrderElementsOf(Infra.SERVICES);
            workloads.forEach((name, workload) -> {
                JsonNode containers = Infra.at(workload, "spec", "template", "spec", "containers");
                assertThat(containers).as(name + " containers").hasSize(1);
                JsonNode container = containers.get(0);
                assertThat(container.path("name").asText()).isEqualTo(name);
                String image = container.path("image").asText();
                String repository = terraform.get("IMAGE_REGISTRY") + "/exqress/" + name;
                assertThat(image).as(name + " image").startsWith(repository + ":");
                assertThat(image.substring(repository.length() + 1)).as(name + " image tag").isNotBlank().isNotEqualTo("latest");
            });
        }
        // Jib names each service's image the same way: <registry>/exqress/<module>.
        String rootPom = Infra.read(Infra.ROOT.resolve("pom.xml"));
        assertThat(rootPom).contains("<image>${jib.registry}/exqress/${project.artifactId}:${image.tag}</image>");
        for (String service : Infra.SERVICES) {
            assertThat(Infra.read(Infra.ROOT.resolve(service).resolve("pom.xml")))
                    .as(service + " builds an image").contains("<jib.skip>false</jib.skip>");
        }
    }

    /**
     * The probes, the ALB's health checks and the ServiceMonitors ask paths the services serve, on the port they
     * listen on. The paths the services serve follow from the shared management settings in platform.
     */
    @Test
    void probesAndHealthChecksAskEndpointsThatExist() {
        Set<String> endpoints = actuatorEndpoints();
        assertThat(endpoints).contains("/actuator/health/liveness", "/actuator/health/readiness");
        List<String> problems = new ArrayList<>();
        for (Path dir : servicesOverlays()) {
            List<JsonNode> resources = builds.get(dir);
            workloads(resources).forEach((name, workload) -> {
                JsonNode container = Infra.at(workload, "spec", "template", "spec", "containers").get(0);
                String where = Infra.relative(dir) + " " + name;
                Set<String> portNames = new HashSet<>();
                Set<Integer> portNumbers = new HashSet<>();
                container.path("ports").forEach(port -> {
                    portNames.add(port.path("name").asText());
                    portNumbers.add(port.path("containerPort").asInt());
                });
                // Each service listens on PORT (server.port: ${PORT:…} in its application.yml).
                assertThat(Infra.read(Infra.ROOT.resolve(name).resolve("src/main/resources/application.yml")))
                        .as(name + " listens on PORT").contains("port: ${PORT:");
                String port = StreamSupport.stream(container.path("env").spliterator(), false)
                        .filter(env -> env.path("name").asText().equals("PORT")).map(env -> env.path("value").asText())
                        .findFirst().orElse("");
                if (!port.matches("\\d+") || !portNumbers.contains(Integer.parseInt(port))) {
                    problems.add(where + ": PORT " + port + " is not a container port " + portNumbers);
                }
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    JsonNode http = container.path(probe).path("httpGet");
                    if (http.isMissingNode()) {
                        problems.add(where + ": no " + probe + " over HTTP");
                        continue;
                    }
                    if (!endpoints.contains(http.path("path").asText())) {
                        problems.add(where + " " + probe + ": " + http.path("path").asText() + " is not served");
                    }
                    JsonNode probePort = http.path("port");
                    if (probePort.isTextual() ? !portNames.contains(probePort.asText()) : !portNumbers.contains(probePort.asInt())) {
                        problems.add(where + " " + probe + ": port " + probePort + " is not the container's");
                    }
                }
                if (!container.path("livenessProbe").path("httpGet").path("path").asText().endsWith("/liveness")
                        || !container.path("readinessProbe").path("httpGet").path("path").asText().endsWith("/readiness")) {
                    problems.add(where + ": liveness and readiness probes must ask their own health groups");
                }
            });
            for (JsonNode service : ofKind(resources, "Service")) {
                String path = service.path("metadata").path("annotations").path("alb.ingress.kubernetes.io/healthcheck-path").asText();
                if (!endpoints.contains(path)) {
                    problems.add(Infra.relative(dir) + " " + Infra.kindAndName(service) + ": ALB health check " + path + " is not served");
                }
            }
            for (JsonNode monitor : ofKind(resources, "ServiceMonitor")) {
                for (JsonNode endpoint : monitor.path("spec").path("endpoints")) {
                    String path = endpoint.path("path").asText();
                    if (!endpoints.contains(path)) {
                        problems.add(Infra.relative(dir) + " " + Infra.kindAndName(monitor) + ": " + path + " is not served");
                    }
                    List<JsonNode> services = ofKind(resources, "Service").stream()
                            .filter(service -> selects(monitor.path("spec").path("selector").path("matchLabels"),
                                    service.path("metadata").path("labels"))).toList();
                    boolean hasPort = services.stream().anyMatch(service -> StreamSupport.stream(
                            service.path("spec").path("ports").spliterator(), false)
                            .anyMatch(port -> port.path("name").asText().equals(endpoint.path("port").asText())));
                    if (!hasPort) {
                        problems.add(Infra.relative(dir) + " " + Infra.kindAndName(monitor) + ": no selected Service has port " + endpoint.path("port"));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** An autoscaler's external metric is one that the cluster's prometheus-adapter serves. */
    @Test
    void externalMetricsOfAutoscalersAreServedByTheAdapter() {
        Set<String> served = new TreeSet<>();
        deployed.stream().filter(dir -> Infra.relative(dir).contains("cluster/")).forEach(dir -> ofKind(builds.get(dir), "Application")
                .stream().filter(application -> application.path("spec").path("source").path("chart").asText().equals("prometheus-adapter"))
                .forEach(adapter -> adapter.path("spec").path("source").path("helm").path("valuesObject").path("rules")
                        .path("external").forEach(rule -> served.add(rule.path("name").path("as").asText()))));
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (Path dir : servicesOverlays()) {
            for (JsonNode hpa : ofKind(builds.get(dir), "HorizontalPodAutoscaler")) {
                for (JsonNode metric : hpa.path("spec").path("metrics")) {
                    String name = metric.path("external").path("metric").path("name").asText();
                    if (metric.path("type").asText().equals("External")) {
                        used.add(name);
                        if (!served.contains(name)) {
                            problems.add(Infra.relative(dir) + " " + Infra.kindAndName(hpa) + ": no prometheus-adapter rule serves " + name);
                        }
                    }
                }
            }
        }
        assertThat(used).as("external metrics the autoscalers use").contains("exqress_processor_lag_seconds");
        assertThat(problems).isEmpty();
    }

    /** Every service logs one JSON object a line in the cluster, for Fluent Bit to ship as fields. */
    @Test
    void everyServiceLogsJson() {
        List<String> problems = new ArrayList<>();
        for (Path dir : servicesOverlays()) {
            List<JsonNode> resources = builds.get(dir);
            Map<String, JsonNode> configMaps = new LinkedHashMap<>();
            ofKind(resources, "ConfigMap").forEach(map -> configMaps.put(map.path("metadata").path("name").asText(), map));
            workloads(resources).forEach((name, workload) -> {
                for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                    Set<String> formats = new HashSet<>();
                    container.path("env").forEach(variable -> {
                        if (variable.path("name").asText().equals("LOGGING_STRUCTURED_FORMAT_CONSOLE")) {
                            formats.add(variable.path("value").asText());
                        }
                    });
                    container.path("envFrom").forEach(from -> {
                        JsonNode configMap = configMaps.get(from.path("configMapRef").path("name").asText());
                        if (configMap != null) {
                            formats.add(configMap.path("data").path("LOGGING_STRUCTURED_FORMAT_CONSOLE").asText());
                        }
                    });
                    if (formats.stream().noneMatch(JSON_LOG_FORMATS::contains)) {
                        problems.add(Infra.relative(dir) + " " + name + "/" + container.path("name").asText()
                                + ": LOGGING_STRUCTURED_FORMAT_CONSOLE is not one of " + JSON_LOG_FORMATS);
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    /** Names that one resource gives another resolve within what the overlay builds. */
    @Test
    void referencesBetweenResourcesResolve() {
        List<String> problems = new ArrayList<>();
        for (Path dir : servicesOverlays()) {
            List<JsonNode> resources = builds.get(dir);
            String where = Infra.relative(dir) + " ";
            Map<String, JsonNode> workloads = workloads(resources);
            Set<String> services = names(resources, "Service");
            Set<String> configMaps = names(resources, "ConfigMap");
            Set<String> secrets = new HashSet<>();
            ofKind(resources, "ExternalSecret").forEach(external -> secrets.add(external.path("spec").path("target").path("name").asText()));
            Set<String> serviceAccounts = names(resources, "ServiceAccount");
            Set<String> analyses = names(resources, "AnalysisTemplate");

            workloads.forEach((name, workload) -> {
                JsonNode pod = workload.path("spec").path("template");
                if (!selects(workload.path("spec").path("selector").path("matchLabels"), pod.path("metadata").path("labels"))) {
                    problems.add(where + name + ": its selector does not select its own pods");
                }
                if (!serviceAccounts.contains(pod.path("spec").path("serviceAccountName").asText())) {
                    problems.add(where + name + ": no ServiceAccount " + pod.path("spec").path("serviceAccountName"));
                }
                for (JsonNode volume : pod.path("spec").path("volumes")) {
                    if (volume.has("secret") && !secrets.contains(volume.path("secret").path("secretName").asText())) {
                        problems.add(where + name + ": no ExternalSecret makes Secret " + volume.path("secret").path("secretName"));
                    }
                }
                for (JsonNode container : pod.path("spec").path("containers")) {
                    for (JsonNode from : container.path("envFrom")) {
                        if (from.has("configMapRef") && !configMaps.contains(from.path("configMapRef").path("name").asText())) {
                            problems.add(where + name + ": no ConfigMap " + from.path("configMapRef").path("name"));
                        }
                        if (from.has("secretRef") && !secrets.contains(from.path("secretRef").path("name").asText())) {
                            problems.add(where + name + ": no ExternalSecret makes Secret " + from.path("secretRef").path("name"));
                        }
                    }
                }
                workload.path("spec").path("strategy").path("canary").path("analysis").path("templates").forEach(template -> {
                    if (!analyses.contains(template.path("templateName").asText())) {
                        problems.add(where + name + ": no AnalysisTemplate " + template.path("templateName"));
                    }
                });
            });
            for (JsonNode service : ofKind(resources, "Service")) {
                List<JsonNode> pods = workloads.values().stream().filter(workload -> selects(service.path("spec").path("selector"),
                        workload.path("spec").path("template").path("metadata").path("labels"))).toList();
                if (pods.isEmpty()) {
                    problems.add(where + Infra.kindAndName(service) + " selects no workload");
                }
                for (JsonNode port : service.path("spec").path("ports")) {
                    boolean targetExists = pods.stream().allMatch(workload -> StreamSupport.stream(
                            Infra.at(workload, "spec", "template", "spec", "containers").get(0).path("ports").spliterator(), false)
                            .anyMatch(containerPort -> containerPort.path("name").asText().equals(port.path("targetPort").asText())));
                    if (!targetExists) {
                        problems.add(where + Infra.kindAndName(service) + ": targetPort " + port.path("targetPort") + " is no container port");
                    }
                }
            }
            for (JsonNode hpa : ofKind(resources, "HorizontalPodAutoscaler")) {
                JsonNode target = workloads.get(hpa.path("spec").path("scaleTargetRef").path("name").asText());
                if (target == null || !target.path("kind").asText().equals(hpa.path("spec").path("scaleTargetRef").path("kind").asText())) {
                    problems.add(where + Infra.kindAndName(hpa) + ": scales nothing that exists");
                }
            }
            for (JsonNode budget : ofKind(resources, "PodDisruptionBudget")) {
                if (workloads.values().stream().noneMatch(workload -> selects(budget.path("spec").path("selector").path("matchLabels"),
                        workload.path("spec").path("template").path("metadata").path("labels")))) {
                    problems.add(where + Infra.kindAndName(budget) + " covers no pods");
                }
            }
            for (JsonNode policy : ofKind(resources, "NetworkPolicy")) {
                JsonNode selector = policy.path("spec").path("podSelector");
                if (!selector.isEmpty() && workloads.values().stream().noneMatch(workload -> selectsBy(selector,
                        workload.path("spec").path("template").path("metadata").path("labels")))) {
                    problems.add(where + Infra.kindAndName(policy) + " selects no pods");
                }
            }
            for (JsonNode ingress : ofKind(resources, "Ingress")) {
                JsonNode annotations = ingress.path("metadata").path("annotations");
                for (JsonNode rule : ingress.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        JsonNode backend = path.path("backend").path("service");
                        String service = backend.path("name").asText();
                        if (backend.path("port").path("name").asText().equals("use-annotation")) {
                            JsonNode action = annotations.path("alb.ingress.kubernetes.io/actions." + service);
                            if (action.isMissingNode()) {
                                problems.add(where + "Ingress: no action annotation for " + service);
                                continue;
                            }
                            try {
                                for (JsonNode group : Infra.JSON.readTree(action.asText()).path("forwardConfig").path("targetGroups")) {
                                    if (!services.contains(group.path("serviceName").asText())) {
                                        problems.add(where + "Ingress action " + service + ": no Service " + group.path("serviceName"));
                                    }
                                }
                            } catch (IOException e) {
                                problems.add(where + "Ingress action " + service + " is not JSON: " + e.getMessage());
                            }
                        } else if (!services.contains(service)) {
                            problems.add(where + "Ingress " + rule.path("host").asText() + path.path("path").asText() + ": no Service " + service);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The restricted Pod Security Standard, enforced on the namespace, and the availability rules every service keeps. */
    @Test
    void servicePodsAreHardenedAndHighlyAvailable() {
        List<String> problems = new ArrayList<>();
        for (Path dir : servicesOverlays()) {
            List<JsonNode> resources = builds.get(dir);
            workloads(resources).forEach((name, workload) -> {
                String where = Infra.relative(dir) + " " + name + ": ";
                JsonNode pod = workload.path("spec").path("template").path("spec");
                JsonNode container = pod.path("containers").get(0);
                JsonNode security = container.path("securityContext");
                if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) problems.add(where + "may run as root");
                if (!security.path("readOnlyRootFilesystem").asBoolean()) problems.add(where + "root file system writable");
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) problems.add(where + "privilege escalation allowed");
                if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) problems.add(where + "capabilities kept");
                boolean tmpIsEmptyDir = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                        .filter(mount -> mount.path("mountPath").asText().equals("/tmp"))
                        .anyMatch(mount -> StreamSupport.stream(pod.path("volumes").spliterator(), false)
                                .anyMatch(volume -> volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")));
                if (!tmpIsEmptyDir) problems.add(where + "no emptyDir at /tmp");
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (container.path("resources").path(kind).path(resource).isMissingNode()) {
                            problems.add(where + "no " + resource + " " + kind);
                        }
                    }
                }
                boolean spreadAcrossZones = StreamSupport.stream(pod.path("topologySpreadConstraints").spliterator(), false)
                        .anyMatch(constraint -> constraint.path("topologyKey").asText().equals("topology.kubernetes.io/zone"));
                if (!spreadAcrossZones) problems.add(where + "not spread across zones");
                boolean autoscaledAt70 = ofKind(resources, "HorizontalPodAutoscaler").stream()
                        .filter(hpa -> hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(name))
                        .anyMatch(hpa -> hpa.path("spec").path("metrics").toString().contains("\"averageUtilization\":70"));
                if (!autoscaledAt70) problems.add(where + "no HorizontalPodAutoscaler on 70 % CPU");
                boolean budgeted = ofKind(resources, "PodDisruptionBudget").stream().anyMatch(budget ->
                        selects(budget.path("spec").path("selector").path("matchLabels"), workload.path("spec").path("template").path("metadata").path("labels")));
                if (!budgeted) problems.add(where + "no PodDisruptionBudget");
            });
        }
        assertThat(problems).isEmpty();
    }

    /** Each environment's Argo CD Applications sync directories that exist, from repositories their project allows. */
    @Test
    void argoCdApplicationsPointAtWhatExists() {
        List<String> problems = new ArrayList<>();
        Set<Path> synced = new HashSet<>();
        for (Path file : Infra.files(Infra.ARGOCD.resolve("applications"), ".yaml")) {
            List<JsonNode> documents = Infra.documents(Infra.read(file));
            Map<String, JsonNode> projects = new LinkedHashMap<>();
            ofKind(documents, "AppProject").forEach(project -> projects.put(project.path("metadata").path("name").asText(), project));
            for (JsonNode application : ofKind(documents, "Application")) {
                String where = Infra.relative(file) + " " + Infra.kindAndName(application) + ": ";
                JsonNode project = projects.get(application.path("spec").path("project").asText());
                JsonNode source = application.path("spec").path("source");
                if (project == null) {
                    problems.add(where + "its project is not in the same file");
                } else if (!project.path("spec").path("sourceRepos").toString().contains("\"" + source.path("repoURL").asText() + "\"")) {
                    problems.add(where + "its project does not allow " + source.path("repoURL").asText());
                }
                Path path = Infra.ROOT.resolve(source.path("path").asText()).normalize();
                if (!Files.exists(path.resolve("kustomization.yaml"))) {
                    problems.add(where + "no kustomization at " + source.path("path").asText());
                }
                synced.add(path);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(synced).as("every overlay is synced by an Application").containsAll(deployed);
    }

    /** The paths the services answer under /actuator, from the management settings every service shares. */
    private static Set<String> actuatorEndpoints() {
        Map<String, String> properties = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Infra.ROOT.resolve("platform/src/main/resources/exqress-platform.properties"))) {
                if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                    properties.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> endpoints = new TreeSet<>();
        Set<String> exposed = Set.of(properties.getOrDefault("management.endpoints.web.exposure.include", "health").split("\\s*,\\s*"));
        exposed.forEach(endpoint -> endpoints.add("/actuator/" + endpoint));
        if (exposed.contains("health")) {
            if (Boolean.parseBoolean(properties.get("management.endpoint.health.probes.enabled"))) {
                endpoints.add("/actuator/health/liveness");
                endpoints.add("/actuator/health/readiness");
            }
            properties.keySet().stream().filter(key -> key.matches("management\\.endpoint\\.health\\.group\\.[^.]+\\.include"))
                    .forEach(key -> endpoints.add("/actuator/health/" + key.split("\\.")[4]));
        }
        return endpoints;
    }

    private List<Path> servicesOverlays() {
        List<Path> overlays = deployed.stream().filter(dir -> !Infra.relative(dir).contains("cluster/")).toList();
        assertThat(overlays).as("the services' overlays").hasSizeGreaterThanOrEqualTo(2);
        return overlays;
    }

    private static Map<String, JsonNode> workloads(List<JsonNode> resources) {
        Map<String, JsonNode> workloads = new LinkedHashMap<>();
        resources.stream().filter(resource -> Set.of("Deployment", "Rollout").contains(resource.path("kind").asText()))
                .forEach(resource -> workloads.put(resource.path("metadata").path("name").asText(), resource));
        return workloads;
    }

    private static List<JsonNode> ofKind(List<JsonNode> resources, String kind) {
        return resources.stream().filter(resource -> resource.path("kind").asText().equals(kind)).toList();
    }

    private static Set<String> names(List<JsonNode> resources, String kind) {
        Set<String> names = new HashSet<>();
        ofKind(resources, kind).forEach(resource -> names.add(resource.path("metadata").path("name").asText()));
        return names;
    }

    /** Whether every label of {@code selector} is on {@code labels}. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isEmpty()) {
            return false;
        }
        return selector.properties().stream()
                .allMatch(label -> labels.path(label.getKey()).asText().equals(label.getValue().asText()));
    }

    /** A label selector with matchLabels and matchExpressions (operator In) against pod labels. */
    private static boolean selectsBy(JsonNode selector, JsonNode labels) {
        if (selector.has("matchLabels") && !selects(selector.path("matchLabels"), labels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            if (!expression.path("operator").asText().equals("In")
                    || !expression.path("values").toString().contains("\"" + labels.path(expression.path("key").asText()).asText() + "\"")) {
                return false;
            }
        }
        return true;
    }
}
