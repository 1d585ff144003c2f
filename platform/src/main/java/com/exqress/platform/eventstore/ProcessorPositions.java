package com.exqress.platform.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Where the event store's head is and how far an event processor's segments got, read from the shared token store
 * rather than from the segments this replica holds, so it covers every replica and unclaimed segments too.
 */
@Component
public class ProcessorPositions {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProcessorPositions(EventStore eventStore, JdbcTemplate jdbc, Serializer serializer) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The global index of the newest event; 0 while the store is empty. */
    @SuppressWarnings("unchecked")
    public long head() {
        TrackingToken head = ((StreamableMessageSource<TrackedEventMessage<?>>) (StreamableMessageSource<?>) eventStore)
                .createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /** One token per segment of the processor, null for a segment that has handled nothing yet; none before it started. */
    public List<TrackingToken> tokens(String processorName) {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?", (row, n) -> {
            byte[] token = row.getBytes("token");
            return token == null ? null : serializer.<byte[], TrackingToken>deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, row.getString("token_type"), null));
        }, processorName);
    }
}
