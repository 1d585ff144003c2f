package com.exqress.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a command and, when another instance appended to the same aggregate first (the store's unique
 * aggregate-sequence key refused our event), sends it again: the aggregate is reloaded with the other
 * event and decides afresh. Gives up with the ConcurrencyException after a few attempts.
 */
@Component
public class ConflictRetryingSender {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryingSender.class);

    private final CommandGateway commandGateway;
    private final int maxAttempts;
    private final Counter conflicts;

    public ConflictRetryingSender(CommandGateway commandGateway, MeterRegistry meters,
                                  @Value("${exqress.commands.max-attempts:5}") int maxAttempts) {
        this.commandGateway = commandGateway;
        this.maxAttempts = maxAttempts;
        this.conflicts = Counter.builder("exqress.commands.conflicts")
                .description("commands refused because another writer appended to the same aggregate first")
                .register(meters);
    }

    public <R> R send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commandGateway.sendAndWait(command);
            } catch (ConcurrencyException conflict) {
                conflicts.increment();
                if (attempt >= maxAttempts) {
                    throw conflict;
                }
                log.debug("conflict on {}, attempt {} of {}", command.getClass().getSimpleName(), attempt, maxAttempts);
                backOff(attempt);
            }
        }
    }

    /** Jittered, so two writers that collided do not collide again in lock-step. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a conflicting command", e);
        }
    }
}
