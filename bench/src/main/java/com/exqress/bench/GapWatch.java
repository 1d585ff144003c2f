package com.exqress.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the tokens of every running streaming processor: how many gaps each holds, and since when each gap has
 * been seen in its token.
 */
final class GapWatch implements AutoCloseable {

    private final EventProcessingConfiguration processing;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Long> firstSeen = new HashMap<>();
    private final Set<String> tokens = new HashSet<>();
    private int mostPerToken;
    private long oldestNanos;
    private int samples;

    private GapWatch(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    static GapWatch start(EventProcessingConfiguration processing) {
        GapWatch watch = new GapWatch(processing);
        watch.sampler.scheduleAtFixedRate(watch::sample, 0, EventPathBenchmark.SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        Set<String> present = new HashSet<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && processor.isRunning()) {
                streaming.processingStatus().forEach((segment, status) -> {
                    String token = name + "/" + segment;
                    tokens.add(token);
                    Set<Long> gaps = status.getTrackingToken() == null ? Set.of()
                            : WrappedToken.unwrap(status.getTrackingToken(), GapAwareTrackingToken.class)
                            .<Set<Long>>map(GapAwareTrackingToken::getGaps).orElse(Set.of());
                    mostPerToken = Math.max(mostPerToken, gaps.size());
                    for (long gap : gaps) {
                        String key = token + "/" + gap;
                        present.add(key);
                        oldestNanos = Math.max(oldestNanos, now - firstSeen.computeIfAbsent(key, seen -> now));
                    }
                });
            }
        });
        firstSeen.keySet().retainAll(present);
        samples++;
    }

    synchronized EventPathBenchmark.Gaps stop() {
        sampler.shutdownNow();
        return new EventPathBenchmark.Gaps(mostPerToken, oldestNanos / 1e9, samples, tokens.size());
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
