package com.exqress.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The OpenAPI document a running application serves at {@code /v3/api-docs}, read operation by operation. */
final class OpenApiDocument {

    private final List<Operation> operations;

    private OpenApiDocument(List<Operation> operations) {
        this.operations = operations;
    }

    /**
     * Fetched without a token, as a client generator or Swagger UI would. springdoc builds the document on the
     * first request, which takes several seconds on a busy machine.
     */
    static OpenApiDocument fetch(WebTestClient client) {
        byte[] body = client.mutate().responseTimeout(Duration.ofMinutes(1)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try {
            JsonNode paths = new ObjectMapper().readTree(body).path("paths");
            List<Operation> operations = new ArrayList<>();
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                    operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            operation.getValue()))));
            return new OpenApiDocument(List.copyOf(operations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** The operation that serves a request, e.g. {@code GET /carriers/SWP/partners}; its query is ignored. */
    Optional<Operation> serving(String method, String requestPath) {
        PathContainer path = PathContainer.parsePath(requestPath.replaceAll("\\?.*", ""));
        return operations.stream()
                .filter(operation -> operation.method().equals(method)
                        && PathPatternParser.defaultInstance.parse(operation.path()).matches(path))
                .findFirst();
    }

    /** One operation: its HTTP method, its path template and what the document says about it. */
    record Operation(String method, String path, JsonNode node) {

        String summary() {
            return node.path("summary").asText("");
        }

        /** The roles that may call it, or null when the document does not say. */
        List<String> roles() {
            return node.has("x-roles") ? texts(node.get("x-roles")) : null;
        }

        /** Marked as callable without a token: an empty security requirement. */
        boolean anonymous() {
            return node.has("security") && node.get("security").isEmpty();
        }

        List<String> problemCodes() {
            return texts(node.path("x-problem-codes"));
        }

        boolean takesBody() {
            return node.has("requestBody");
        }

        boolean takesHeader(String name) {
            return StreamSupport.stream(node.path("parameters").spliterator(), false)
                    .anyMatch(parameter -> parameter.path("in").asText().equals("header")
                            && parameter.path("name").asText().equalsIgnoreCase(name));
        }

        /** The description of the response with this status, or empty when it documents none. */
        String response(int status) {
            return node.path("responses").path(Integer.toString(status)).path("description").asText("");
        }

        /** The path with every variable filled with {@code value}. */
        String pathWith(String value) {
            return path.replaceAll("\\{[^}]+}", value);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }

        private static List<String> texts(JsonNode array) {
            return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
        }
    }
}
