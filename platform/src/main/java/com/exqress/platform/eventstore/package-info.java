/** Axon's JDBC event storage on PostgreSQL: explicit snake_case schema owned by Flyway, Jackson payloads. */
package com.exqress.platform.eventstore;
