package com.exqress.platform.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's insert of a batch of events, plus the {@link EventChain} link in each domain event's metadata. The link is
 * computed here because only here are the exact stored bytes known: each payload is serialised once, hashed, and
 * those same bytes are written. It first takes the {@link AppendLock} shared, for the rest of the transaction.
 */
final class ChainedAppendStatement implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute(AppendLock.SHARED);
        }
        Map<String, String> lastHashInBatch = new HashMap<>();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            // The columns are BYTEA (db/eventstore/V1), so payloads are bytes whatever the engine's data type.
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            // Written as text here rather than through the TimestampWriter (which does the same), so that the
            // hashed text is the stored text.
            String timeStamp = DateTimeUtils.formatInstant(event.getTimestamp());
            if (message instanceof DomainEventMessage<?>) {
                String hash = EventChain.hash(previousHash(connection, schema, lastHashInBatch, event),
                        new EventChain.StoredEvent(event.getAggregateIdentifier(), event.getSequenceNumber(),
                                event.getIdentifier(), payload.getType().getName(), payload.getType().getRevision(),
                                timeStamp, payload.getData()));
                lastHashInBatch.put(event.getAggregateIdentifier(), hash);
                event = event.andMetaData(Map.of(EventChain.METADATA_KEY, hash));
            }
            insert.setString(1, event.getIdentifier());
            insert.setString(2, event.getAggregateIdentifier());
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            insert.setString(5, timeStamp);
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setBytes(8, payload.getData());
            insert.setBytes(9, event.serializeMetaData(serializer, byte[].class).getData());
            insert.addBatch();
        }
        return insert;
    }

    /** As Axon stores an event without an aggregate: under its own identifier at sequence 0, and unchained. */
    private static <T> DomainEventMessage<T> asDomainEvent(EventMessage<T> message) {
        return message instanceof DomainEventMessage<T> domain
                ? domain
                : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
    }

    /**
     * The link the event extends: the start for sequence 0, else the one just computed in this batch, else the
     * stored one, read on this connection so an earlier append of the same transaction counts.
     */
    private static String previousHash(Connection connection, EventSchema schema, Map<String, String> lastHashInBatch,
                                       DomainEventMessage<?> event) throws SQLException {
        if (event.getSequenceNumber() == 0) {
            return EventChain.START;
        }
        String inBatch = lastHashInBatch.get(event.getAggregateIdentifier());
        if (inBatch != null) {
            return inBatch;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + schema.metaDataColumn()
                + " FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " = ?")) {
            select.setString(1, event.getAggregateIdentifier());
            select.setLong(2, event.getSequenceNumber() - 1);
            try (ResultSet row = select.executeQuery()) {
                String stored = row.next() ? EventChain.storedHash(row.getBytes(1)) : null;
                if (stored == null) {
                    // Extending a chain that has no previous link would make a broken chain look intact from here on.
                    throw new EventStoreException("event " + (event.getSequenceNumber() - 1) + " of "
                            + event.getAggregateIdentifier() + " carries no chain hash to extend");
                }
                return stored;
            }
        }
    }
}
