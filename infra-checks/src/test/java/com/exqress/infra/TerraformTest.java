package com.exqress.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * infra/terraform parses with HashiCorp's HCL parser and refers only to what it declares. Terraform itself cannot
 * check this here: terraform validate needs the AWS provider, which only the Terraform registry serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerraformTest {

    /** Roots of references Terraform defines itself, and the meta-arguments a module block takes. */
    private static final Set<String> BUILT_IN_ROOTS = Set.of("each", "count", "path", "self", "terraform");
    private static final Set<String> MODULE_META_ARGUMENTS =
            Set.of("source", "version", "providers", "count", "for_each", "depends_on");
    /** A resource or data source type: a provider's name, an underscore, the rest (aws_vpc, tls_certificate). */
    private static final Pattern RESOURCE_TYPE = Pattern.compile("(aws|tls|random|time|null|local|archive)_[a-z0-9_]+");
    /** Expressions that name things other than declarations: type constraints and ignore_changes' attribute paths. */
    private static final Pattern NOT_REFERENCES =
            Pattern.compile("/variable/[^/]+/\\d+/type|.*/lifecycle/\\d+/ignore_changes(/\\d+)?");
    private static final Pattern REFERENCE_PART = Pattern.compile("\"[^\"]*\"|[^.]+");
    private static final Pattern ARGOCD_ENV_KEY = Pattern.compile("^\\s+([A-Z][A-Z0-9_]*)\\s+=", Pattern.MULTILINE);

    private final Map<Path, JsonNode> parsed = new TreeMap<>();
    /** Each module directory's files, as parsed. */
    private final Map<Path, List<Path>> modules = new TreeMap<>();

    @BeforeAll
    void parseEveryFile() {
        List<Path> files = Infra.files(Infra.TERRAFORM, ".tf");
        assertThat(files).as("Terraform files under infra/terraform").hasSizeGreaterThan(20);
        JsonNode result = Infra.node("parse-terraform.js", files);
        for (Path file : files) {
            parsed.put(file, result.get(file.toString()));
            modules.computeIfAbsent(file.getParent(), dir -> new ArrayList<>()).add(file);
        }
    }

    @Test
    void everyFileParsesAsHcl() {
        Map<String, String> errors = new TreeMap<>();
        parsed.forEach((file, result) -> {
            if (!result.path("error").isNull()) {
                errors.put(Infra.relative(file), result.path("error").asText());
            }
        });
        assertThat(errors).as("files the HCL parser refused").isEmpty();
    }

    @Test
    void everyReferenceIsDeclaredInItsModule() {
        List<String> problems = new ArrayList<>();
        modules.forEach((dir, files) -> {
            Declarations declared = declarations(files);
            for (Path file : files) {
                for (JsonNode reference : parsed.get(file).path("references")) {
                    if (NOT_REFERENCES.matcher(reference.path("at").asText()).matches()) {
                        continue;
                    }
                    for (JsonNode ref : reference.path("refs")) {
                        String problem = undeclared(ref.asText(), declared);
                        if (problem != null) {
                            problems.add(Infra.relative(file) + " " + reference.path("at").asText() + ": " + problem);
                        }
                    }
                }
            }
        });
        assertThat(problems).as("references to nothing declared").isEmpty();
    }

    @Test
    void moduleCallsPassDeclaredVariablesAndEveryRequiredOne() {
        List<String> problems = new ArrayList<>();
        modules.forEach((dir, files) -> files.forEach(file -> parsed.get(file).path("body").path("module").properties()
                .forEach(call -> call.getValue().forEach(block -> {
                    String where = Infra.relative(file) + " module." + call.getKey();
                    Path source = dir.resolve(block.path("source").asText()).normalize();
                    if (!modules.containsKey(source)) {
                        problems.add(where + ": source " + block.path("source").asText() + " is no module here");
                        return;
                    }
                    Map<String, Boolean> variables = declarations(modules.get(source)).variablesHaveDefault;
                    block.fieldNames().forEachRemaining(argument -> {
                        if (!MODULE_META_ARGUMENTS.contains(argument) && !variables.containsKey(argument)) {
                            problems.add(where + ": passes " + argument + ", which the module does not declare");
                        }
                    });
                    variables.forEach((variable, hasDefault) -> {
                        if (!hasDefault && !block.has(variable)) {
                            problems.add(where + ": leaves out the required variable " + variable);
                        }
                    });
                }))));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEnvironmentKeepsItsStateInS3WithADynamoDbLock() {
        List<Path> environments = environments();
        assertThat(environments).isNotEmpty();
        for (Path environment : environments) {
            JsonNode backend = Infra.at(parsed.get(environment.resolve("backend.tf")), "body", "terraform")
                    .path(0).path("backend").path("s3");
            assertThat(backend.isMissingNode()).as(Infra.relative(environment) + " has an s3 backend").isFalse();
            JsonNode settings = backend.path(0);
            assertThat(settings.path("bucket").asText()).as("bucket").isNotBlank();
            assertThat(settings.path("key").asText()).as("key").startsWith(environment.getFileName() + "/");
            assertThat(settings.path("dynamodb_table").asText()).as("DynamoDB lock table").isNotBlank();
            assertThat(settings.path("encrypt").asBoolean()).as("encrypted state").isTrue();
        }
    }

    /**
     * What the Argo CD overlays take from Terraform is written in one place (modules/exqress's local argocd_env, which
     * terraform output -raw argocd_env prints) and read in another (each overlay's terraform-outputs/outputs.env):
     * the two name the same keys, and every environment Terraform makes has its overlays.
     */
    @Test
    void argoCdOverlaysTakeExactlyTheOutputsTerraformGives() {
        String outputs = Infra.read(Infra.TERRAFORM.resolve("modules/exqress/outputs.tf"));
        String block = outputs.substring(outputs.indexOf("argocd_env = {"), outputs.indexOf("\n  }\n", outputs.indexOf("argocd_env = {")));
        Set<String> terraformKeys = new TreeSet<>();
        Matcher key = ARGOCD_ENV_KEY.matcher(block);
        while (key.find()) {
            terraformKeys.add(key.group(1));
        }
        assertThat(terraformKeys).contains("IMAGE_REGISTRY", "DATABASE_URL", "WAF_WEB_ACL_ARN");
        for (Path environment : environments()) {
            String name = environment.getFileName().toString();
            if (name.equals("shared")) {
                continue;
            }
            Path overlay = Infra.ARGOCD.resolve("overlays").resolve(name);
            assertThat(overlay.resolve("kustomization.yaml")).as("the services' overlay of " + name).exists();
            assertThat(Infra.ARGOCD.resolve("cluster/overlays").resolve(name).resolve("kustomization.yaml"))
                    .as("the cluster overlay of " + name).exists();
            Map<String, String> env = Infra.envFile(overlay.resolve("terraform-outputs/outputs.env"));
            assertThat(new TreeSet<>(env.keySet())).as(Infra.relative(overlay) + "/terraform-outputs/outputs.env")
                    .isEqualTo(terraformKeys);
            assertThat(env.get("ENVIRONMENT")).isEqualTo(name);
        }
    }

    @Test
    void isFormattedAsTerraformFmtWrites() {
        boolean installed;
        try {
            installed = new ProcessBuilder("terraform", "version").start().waitFor() == 0;
        } catch (Exception e) {
            installed = false;
        }
        assumeTrue(installed, "terraform is not installed: formatting not checked");
        String unformatted = Infra.run(Infra.ROOT, Duration.ofMinutes(1),
                List.of("terraform", "fmt", "-check", "-recursive", "-list=true", Infra.TERRAFORM.toString()));
        assertThat(unformatted).as("files terraform fmt would change").isBlank();
    }

    private List<Path> environments() {
        try (var dirs = Files.list(Infra.TERRAFORM.resolve("environments"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Why {@code ref} (var.x, module.m.out, aws_vpc.this.id, …) refers to nothing, or null when it is declared. */
    private String undeclared(String ref, Declarations declared) {
        // module.roles."command-api".role_arn, aws_nat_gateway.this.0.id: index keys say nothing about declarations.
        List<String> names = new ArrayList<>();
        Matcher part = REFERENCE_PART.matcher(ref);
        while (part.find()) {
            if (!part.group().startsWith("\"") && !part.group().chars().allMatch(Character::isDigit)) {
                names.add(part.group());
            }
        }
        String[] parts = names.toArray(String[]::new);
        String root = parts[0];
        if (BUILT_IN_ROOTS.contains(root) || declared.dynamicBlocks.contains(root)) {
            return null;
        }
        switch (root) {
            case "var":
                return declared.variablesHaveDefault.containsKey(parts[1]) ? null : "no variable " + parts[1];
            case "local":
                return declared.locals.contains(parts[1]) ? null : "no local " + parts[1];
            case "data":
                return parts.length > 2 && declared.dataSources.contains(parts[1] + "." + parts[2])
                        ? null : "no data source " + ref;
            case "module":
                if (!declared.modules.containsKey(parts[1])) {
                    return "no module " + parts[1];
                }
                Path source = declared.modules.get(parts[1]);
                if (parts.length > 2 && modules.containsKey(source)
                        && !declarations(modules.get(source)).outputs.contains(parts[2])) {
                    return "module " + parts[1] + " has no output " + parts[2];
                }
                return null;
            default:
                if (RESOURCE_TYPE.matcher(root).matches()) {
                    return parts.length > 1 && declared.resources.contains(root + "." + parts[1])
                            ? null : "no resource " + ref;
                }
                return "unknown name " + ref;
        }
    }

    private Declarations declarations(List<Path> files) {
        Declarations declared = new Declarations();
        for (Path file : files) {
            JsonNode body = parsed.get(file).path("body");
            body.path("variable").properties().forEach(variable ->
                    declared.variablesHaveDefault.put(variable.getKey(), variable.getValue().path(0).has("default")));
            body.path("locals").forEach(block -> block.fieldNames().forEachRemaining(declared.locals::add));
            body.path("output").fieldNames().forEachRemaining(declared.outputs::add);
            body.path("module").properties().forEach(module -> declared.modules.put(module.getKey(),
                    file.getParent().resolve(module.getValue().path(0).path("source").asText()).normalize()));
            body.path("resource").properties().forEach(type -> type.getValue().fieldNames()
                    .forEachRemaining(name -> declared.resources.add(type.getKey() + "." + name)));
            body.path("data").properties().forEach(type -> type.getValue().fieldNames()
                    .forEachRemaining(name -> declared.dataSources.add(type.getKey() + "." + name)));
            collectDynamicBlocks(body, declared.dynamicBlocks);
        }
        return declared;
    }

    /** The labels of dynamic blocks: inside one, its label names the iterator (rule.value, statement.key). */
    private static void collectDynamicBlocks(JsonNode node, Set<String> labels) {
        if (node.isObject()) {
            node.path("dynamic").fieldNames().forEachRemaining(labels::add);
            node.forEach(child -> collectDynamicBlocks(child, labels));
        } else if (node.isArray()) {
            node.forEach(child -> collectDynamicBlocks(child, labels));
        }
    }

    private static final class Declarations {
        final Map<String, Boolean> variablesHaveDefault = new HashMap<>();
        final Set<String> locals = new HashSet<>();
        final Set<String> outputs = new HashSet<>();
        final Map<String, Path> modules = new LinkedHashMap<>();
        final Set<String> resources = new HashSet<>();
        final Set<String> dataSources = new HashSet<>();
        final Set<String> dynamicBlocks = new HashSet<>();
    }
}
