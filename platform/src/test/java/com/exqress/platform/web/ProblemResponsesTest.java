package com.exqress.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures as clients see them: a database that cannot be reached is a 503 to retry, not a 500 to report. */
class ProblemResponsesTest {

    private final ProblemResponses problems = new ProblemResponses(new ObjectMapper());

    static Stream<Arguments> databaseUnreachable() {
        return Stream.of(
                Arguments.of("no connection from the pool within its timeout", new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection", new SQLTransientConnectionException(
                                "HikariPool-1 - Connection is not available, request timed out after 3000ms."))),
                Arguments.of("a connection lost while Axon appends events", new CompletionException(new EventStoreException(
                        "An exception occurred while attempting to store a number of events", new PSQLException(
                                "An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)))),
                Arguments.of("the server shutting down under a transaction", new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new SQLException("terminating connection due to administrator command", "57P01"))),
                Arguments.of("a commit cut off, whose rollback then finds the connection closed",
                        new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))),
                Arguments.of("the next query of a transaction whose connection broke", new JdbcException(
                        "Failed to create a SQL statement", new SQLException("Connection is closed"))),
                Arguments.of("no connection for the data key of an event's sealed personal data",
                        new SerializationException("Error while deserializing object", new CannotGetJdbcConnectionException(
                                "Failed to obtain JDBC Connection", new SQLTransientConnectionException(
                                        "HikariPool-1 - Connection is not available, request timed out after 3000ms.")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void databaseUnreachable(String situation, Throwable failure) {
        MockServerWebExchange exchange = handle(failure);

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"code\":\"SERVICE_UNAVAILABLE\"", "\"status\":503")
                .doesNotContain("Hikari", "backend", "administrator", "JDBC", "closed");
    }

    @Test
    void aDatabaseFailureThatIsNoOutageStaysAnInternalError() {
        MockServerWebExchange exchange = handle(new BadSqlGrammarException("read", "SELECT nonsense",
                new SQLException("syntax error at or near \"nonsense\"", "42601")));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"code\":\"INTERNAL_ERROR\"", "quote error id");
    }

    private MockServerWebExchange handle(Throwable failure) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/scans"));
        problems.handle(exchange, failure).block();
        return exchange;
    }
}
