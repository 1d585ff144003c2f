package com.exqress.platform.metrics;

import com.exqress.platform.eventstore.ProcessorPositions;
import com.exqress.platform.schedule.PeriodicWork;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How far each event processor running in this service is behind the event store, as
 * {@code exqress.processor.lag.events} (events not yet handled) and {@code exqress.processor.lag.seconds} (the age
 * of the oldest of them; 0 when caught up), tagged {@code processor}. Read from the shared token store, not from
 * the segments this replica happens to hold, so every replica reports the whole processor and an unclaimed
 * segment counts too: aggregate replicas with {@code max}. Measured every few seconds, not at every scrape.
 */
@Component
public class ProcessorLag extends PeriodicWork {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MultiGauge events;
    private final MultiGauge seconds;

    public ProcessorLag(EventProcessingConfiguration processing, ProcessorPositions positions, JdbcTemplate jdbc,
                        Clock clock, MeterRegistry meters) {
        super("processor-lag", INTERVAL);
        this.processing = processing;
        this.positions = positions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = MultiGauge.builder("exqress.processor.lag.events")
                .description("events in the event store that the processor has not handled yet").register(meters);
        this.seconds = MultiGauge.builder("exqress.processor.lag.seconds").baseUnit("seconds")
                .description("how long ago the oldest event the processor has not handled yet was recorded").register(meters);
    }

    @Override
    protected void runOnce() {
        long head = positions.head();
        List<MultiGauge.Row<?>> eventRows = new ArrayList<>();
        List<MultiGauge.Row<?>> secondRows = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> processor : processing.eventProcessors().entrySet()) {
            // A processor stopped on purpose (the idle copy of a read model) is not lagging.
            if (!(processor.getValue() instanceof StreamingEventProcessor) || !processor.getValue().isRunning()) {
                continue;
            }
            OptionalLong position = position(processor.getKey());
            if (position.isEmpty()) {
                continue;
            }
            long lag = Math.max(0, head - position.getAsLong());
            Tags tags = Tags.of("processor", processor.getKey());
            eventRows.add(MultiGauge.Row.of(tags, lag));
            secondRows.add(MultiGauge.Row.of(tags, lag == 0 ? 0 : secondsBehind(position.getAsLong())));
        }
        events.register(eventRows, true);
        seconds.register(secondRows, true);
    }

    /** The lowest position of the processor's segments (each saw every event up to its token); empty before it started. */
    private OptionalLong position(String processorName) {
        return positions.tokens(processorName).stream()
                .mapToLong(token -> token == null ? -1 : token.position().orElse(-1))
                .min();
    }

    private double secondsBehind(long position) {
        List<String> oldest = jdbc.queryForList(
                "SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1",
                String.class, position);
        if (oldest.isEmpty()) {
            return 0;
        }
        return Math.max(0, Duration.between(Instant.parse(oldest.get(0)), clock.instant()).toMillis() / 1000.0);
    }
}
