package com.exqress.command;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proves BlockHound watches this test JVM, so the integration tests would catch a blocking event loop. */
class BlockHoundInstalledTest {

    @Test
    void blockingOnANonBlockingThreadFails() {
        Mono<Object> sleepOnParallelThread = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return new Object();
        }).subscribeOn(Schedulers.parallel());

        assertThatThrownBy(sleepOnParallelThread::block).hasCauseInstanceOf(BlockingOperationError.class);
    }
}
