package com.exqress.bench;

import com.exqress.projections.readmodel.ReadModelReconciler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every event processor stopped, and the reconciler that would restart the read model's; {@link #resume} starts
 * again those that ran.
 */
final class PausedProcessors {

    private final ProjectionsService service;
    private final Set<String> running;

    private PausedProcessors(ProjectionsService service, Set<String> running) {
        this.service = service;
        this.running = running;
    }

    static PausedProcessors stop(ProjectionsService service) {
        service.app().getBean(ReadModelReconciler.class).stop();
        Set<String> running = new HashSet<>();
        service.eventProcessing().eventProcessors().forEach((name, processor) -> {
            if (processor.isRunning()) {
                running.add(name);
                processor.shutDown();
            }
        });
        System.out.println("event processors stopped: " + running);
        return new PausedProcessors(service, running);
    }

    /**
     * Moves the processors' tokens to the store's head, so that they never see what was appended so far: the
     * appends measured above exist only to be measured, and a relay that had to publish them all first would
     * hold the rest of the benchmark up for minutes.
     */
    void skipToHead(String... names) {
        for (String name : names) {
            service.eventProcessing().eventProcessor(name, StreamingEventProcessor.class).orElseThrow()
                    .resetTokens(StreamableMessageSource::createHeadToken);
        }
    }

    void startOnly(String name) {
        service.eventProcessing().eventProcessor(name).orElseThrow().start();
    }

    void resume() {
        Map<String, EventProcessor> processors = service.eventProcessing().eventProcessors();
        running.forEach(name -> processors.get(name).start());
        service.app().getBean(ReadModelReconciler.class).start();
    }
}
