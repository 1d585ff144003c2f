package com.exqress.platform.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append failed on a unique key, so a second writer on the same waybill gets a
 * retryable ConcurrencyException instead of a fatal EventStoreException. Axon's default resolver misses
 * PostgreSQL's batch failures: the driver reports SQLState 23505 on a BatchUpdateException whose
 * details sit in the chained "next" exception.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException sql = exception; sql != null; sql = sql.getNextException()) {
            if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
