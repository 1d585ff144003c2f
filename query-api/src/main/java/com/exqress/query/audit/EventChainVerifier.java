package com.exqress.query.audit;

import com.exqress.platform.eventstore.EventChain;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Recomputes a waybill's hash chain from the rows of {@code domain_event_entry} as stored, bytes and all, without
 * Axon's deserialisation in between: what it checks is exactly what an auditor with database access would check.
 */
@Component
public class EventChainVerifier {

    private final JdbcTemplate jdbc;

    public EventChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ChainVerification verify(String waybillId) {
        List<StoredRow> rows = jdbc.query("""
                SELECT sequence_number, event_identifier, payload_type, payload_revision, time_stamp, payload, meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number
                """, (row, i) -> new StoredRow(new EventChain.StoredEvent(waybillId, row.getLong("sequence_number"),
                        row.getString("event_identifier"), row.getString("payload_type"),
                        row.getString("payload_revision"), row.getString("time_stamp"), row.getBytes("payload")),
                        row.getBytes("meta_data")), waybillId);
        String previous = EventChain.START;
        for (int sequence = 0; sequence < rows.size(); sequence++) {
            StoredRow row = rows.get(sequence);
            if (row.event().sequenceNumber() != sequence) {
                return ChainVerification.broken(waybillId, rows.size(), sequence, ChainVerification.Break.SEQUENCE_GAP);
            }
            String stored = EventChain.storedHash(row.metaData());
            if (stored == null) {
                return ChainVerification.broken(waybillId, rows.size(), sequence, ChainVerification.Break.MISSING_HASH);
            }
            // Chained to the recomputed link, not the stored one, so a rewritten stored hash breaks here too.
            previous = EventChain.hash(previous, row.event());
            if (!previous.equals(stored)) {
                return ChainVerification.broken(waybillId, rows.size(), sequence, ChainVerification.Break.HASH_MISMATCH);
            }
        }
        return ChainVerification.intact(waybillId, rows.size());
    }

    private record StoredRow(EventChain.StoredEvent event, byte[] metaData) {
    }
}
