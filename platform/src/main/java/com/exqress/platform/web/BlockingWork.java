package com.exqress.platform.web;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs blocking work (Axon command handling, JDBC) on a bounded pool instead of a Netty event-loop
 * thread. Bounded, so a burst queues here rather than exhausting threads or the connection pool.
 * Work runs to completion even when the client goes away: interrupting a command half-way through its
 * transaction helps nobody, and a client that retries with its idempotency key gets the stored result.
 */
@Component
public class BlockingWork implements DisposableBean {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final Scheduler scheduler;

    public BlockingWork(@Value("${exqress.blocking.threads:32}") int threads) {
        this.scheduler = Schedulers.newBoundedElastic(threads, 10_000, "exqress-blocking");
    }

    public <T> Mono<T> call(Callable<T> work) {
        return Mono.deferContextual(context -> {
            CompletableFuture<T> result = new CompletableFuture<>();
            // The request's trace goes along, so the command handlers' log lines carry its trace id.
            ContextSnapshot request = SNAPSHOTS.captureFrom(context);
            scheduler.schedule(request.wrap(() -> {
                try {
                    result.complete(work.call());
                } catch (Throwable failure) {
                    result.completeExceptionally(failure);
                }
            }));
            return Mono.fromFuture(result, true);
        });
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
