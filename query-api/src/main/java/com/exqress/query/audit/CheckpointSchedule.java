package com.exqress.query.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Records a checkpoint every {@code exqress.audit.checkpoint-interval} (default an hour). Here in query-api and
 * nowhere else, so one service owns checkpoints; replicas of it take turns ({@link Checkpoints#create()}).
 * {@code exqress.audit.scheduled-checkpoints=false} turns it off (tests create their own on demand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "exqress.audit.scheduled-checkpoints", havingValue = "true", matchIfMissing = true)
public class CheckpointSchedule {

    private final Checkpoints checkpoints;

    public CheckpointSchedule(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(initialDelayString = "${exqress.audit.checkpoint-interval:PT1H}",
            fixedDelayString = "${exqress.audit.checkpoint-interval:PT1H}")
    public void record() {
        checkpoints.create();
    }
}
