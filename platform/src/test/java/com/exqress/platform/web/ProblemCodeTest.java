package com.exqress.platform.web;

import com.exqress.waybill.WaybillRuleViolation;
import com.exqress.waybill.api.WaybillErrorCode;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue the API documentation lists codes from is the one the services answer with: every code, with the
 * status it is answered with.
 */
class ProblemCodeTest {

    /** A code written where an ApiProblem is made: {@code new ApiProblem(HttpStatus.X, "CODE"} or a factory's. */
    private static final Pattern LITERAL_CODE = Pattern.compile(
            "(?:new ApiProblem\\(\\s*HttpStatus\\.(\\w+)|ApiProblem\\.(tooManyRequests|serviceUnavailable)\\()\\s*,?\\s*\"(\\w+)\"");

    private final ProblemResponses problems = new ProblemResponses(new ObjectMapper());

    @ParameterizedTest
    @EnumSource(WaybillErrorCode.class)
    void everyBrokenWaybillRuleIsInTheCatalogue(WaybillErrorCode code) {
        assertAnsweredAsCatalogued(new WaybillRuleViolation(code, "broken"));
    }

    @Test
    void everyCodeOfTheFrameworkAndOfApiProblemsFactoriesIsInTheCatalogue() {
        Stream.of(new ResponseStatusException(HttpStatus.NOT_FOUND),
                new MethodNotAllowedException(HttpMethod.PATCH, Set.of(HttpMethod.GET)),
                new NotAcceptableStatusException(List.of(MediaType.APPLICATION_JSON)),
                new UnsupportedMediaTypeStatusException(MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)),
                new ServerWebInputException("bad header"),
                new ServerWebInputException("No request body"),
                new ServerWebInputException("too big", null, new DataBufferLimitException("over 64 KB")),
                new ServerWebInputException("broken", null, new JsonParseException(null, "unexpected character")),
                new ServerWebInputException("unknown", null,
                        new UnrecognizedPropertyException(null, "unknown", null, Object.class, "extra", List.of())),
                new ConcurrencyException("two writers"),
                new SQLTransientConnectionException("no connection"),
                new RejectedExecutionException("full"),
                new SerializationException("unreadable"),
                new IllegalStateException("bug"),
                ApiProblem.unauthenticated("no token"),
                ApiProblem.forbidden("not you"),
                ApiProblem.waybillNotFound(),
                ApiProblem.invalidField("field", "wrong"))
                .forEach(this::assertAnsweredAsCatalogued);
    }

    /**
     * Every code the services' sources write out is in the catalogue with the same status; the codes made from
     * enums are checked above (waybill rules) and in command-api (label rejections).
     */
    @Test
    void everyCodeWrittenInTheServicesIsInTheCatalogue() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path source : mainSources()) {
            Matcher literal = LITERAL_CODE.matcher(Files.readString(source));
            while (literal.find()) {
                ProblemCode code = catalogued(literal.group(3), source);
                HttpStatus status = literal.group(1) != null ? HttpStatus.valueOf(literal.group(1))
                        : literal.group(2).equals("tooManyRequests") ? HttpStatus.TOO_MANY_REQUESTS
                        : HttpStatus.SERVICE_UNAVAILABLE;
                assertThat(code.status()).as(code + " in " + source).isEqualTo(status);
                found.add(code.name());
            }
        }
        assertThat(found).as("codes found in the sources").contains("WEBHOOK_NOT_FOUND", "RATE_LIMITED",
                "INVALID_CREDENTIALS", "NO_NEW_EVENTS", "CARRIER_NOT_FOUND");
    }

    /** The Java sources of every module, from this module's directory (where Maven runs its tests). */
    private static List<Path> mainSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path java : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(java)) {
                    files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        return sources;
    }

    private void assertAnsweredAsCatalogued(Throwable failure) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/waybills"));
        problems.handle(exchange, failure).block();
        String answered = exchange.getAttribute(ProblemResponses.PROBLEM_CODE);
        ProblemCode code = catalogued(answered, failure);
        assertThat(exchange.getResponse().getStatusCode()).as(code.name()).isEqualTo(code.status());
    }

    private static ProblemCode catalogued(String code, Object where) {
        assertThat(Stream.of(ProblemCode.values()).map(ProblemCode::name)).as(code + " from " + where).contains(code);
        return ProblemCode.valueOf(code);
    }
}
