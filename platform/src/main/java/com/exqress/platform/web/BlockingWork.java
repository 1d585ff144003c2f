package com.exqress.platform.web;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/**
 * Runs blocking work (Axon command handling, JDBC) on a bounded pool instead of a Netty event-loop
 * thread. Bounded, so a burst queues here rather than exhausting threads or the connection pool.
 */
@Component
public class BlockingWork implements DisposableBean {

    private final Scheduler scheduler;

    public BlockingWork(@Value("${exqress.blocking.threads:32}") int threads) {
        this.scheduler = Schedulers.newBoundedElastic(threads, 10_000, "exqress-blocking");
    }

    public <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
