package com.exqress.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The repository's infra/ folder and the outside programs the checks run: node, kubectl, terraform. */
final class Infra {

    static final Path ROOT = Path.of(System.getProperty("exqress.root", "..")).toAbsolutePath().normalize();
    static final Path TERRAFORM = ROOT.resolve("infra/terraform");
    static final Path ARGOCD = ROOT.resolve("infra/argocd");
    static final Path NODE_DIR = Path.of(System.getProperty("infra.node.dir", "target/node")).toAbsolutePath();
    static final Path WORK_DIR = Path.of(System.getProperty("infra.work.dir", "target/infra-checks")).toAbsolutePath();

    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    /** The services deployed from infra/argocd, each its own Maven module and container image. */
    static final List<String> SERVICES = List.of("command-api", "query-api", "projections");

    private Infra() {
    }

    /** Files under {@code dir} whose names end with {@code suffix}, in a stable order, skipping tool caches. */
    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(suffix))
                    .filter(path -> !path.toString().contains("/.terraform/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path path) {
        return ROOT.relativize(path.toAbsolutePath().normalize()).toString();
    }

    /**
     * Runs a program and returns what it printed. A program that cannot start, runs past {@code timeout} or exits
     * with another status than 0 fails the test with its output, so a broken tool is never mistaken for a pass.
     */
    static String run(Path workingDirectory, Duration timeout, List<String> command) {
        try {
            Files.createDirectories(WORK_DIR);
            Path out = Files.createTempFile(WORK_DIR, "out", ".txt");
            Path err = Files.createTempFile(WORK_DIR, "err", ".txt");
            Process process;
            try {
                process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError("cannot run " + command.get(0) + " (" + e.getMessage() + "); "
                        + "infra-checks needs node and npm (.ci/run installs them), and kubectl with Kustomize v5 "
                        + "(it comes with this project's machine image)", e);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " ran longer than " + timeout);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(err, StandardCharsets.UTF_8) + stdout);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One of the scripts of src/test/node, run with the packages npm installed beside it; its output is JSON. */
    static JsonNode node(String script, List<Path> files) {
        List<String> command = new ArrayList<>(List.of("node", NODE_DIR.resolve(script).toString()));
        files.forEach(file -> command.add(file.toString()));
        try {
            return JSON.readTree(run(ROOT, Duration.ofMinutes(2), command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code kubectl kustomize} builds from a kustomization directory: Kustomize v5, as Argo CD runs it.
     * Kustomize is a Go program that neither npm nor Maven Central publishes; kubectl carries the real one, and
     * kubectl comes with this project's machine image (and GitHub's runners), so it is used rather than a
     * re-implementation of Kustomize's semantics here.
     */
    static String kustomize(Path dir) {
        return run(ROOT, Duration.ofMinutes(1), List.of("kubectl", "kustomize", dir.toString()));
    }

    /** Every document of a multi-document YAML text, empty ones left out. */
    static List<JsonNode> documents(String yaml) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).forEachRemaining(document -> {
                if (document != null && !document.isNull() && !document.isMissingNode() && !document.isEmpty()) {
                    documents.add(document);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The KEY=value lines of a dotenv file as Kustomize reads it: comments and blank lines left out. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : read(file).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return values;
    }

    /** A field by a path of names, or a missing node. */
    static JsonNode at(JsonNode node, String... names) {
        JsonNode current = node;
        for (String name : names) {
            current = current == null ? MissingNode.getInstance() : current.path(name);
        }
        return current;
    }

    static String kindAndName(JsonNode resource) {
        return resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
    }
}
