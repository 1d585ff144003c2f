package com.exqress.query.audit;

import com.exqress.platform.audit.MerkleTree;
import com.exqress.platform.eventstore.AppendLock;
import com.exqress.platform.eventstore.EventChain;
import com.exqress.platform.web.ApiProblem;
import com.exqress.query.readmodel.Cursor;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Records signed Merkle checkpoints over the event store and proves events' inclusion in them. Each checkpoint
 * covers the events recorded since the previous one, read straight from {@code domain_event_entry}: the leaves
 * are the stored {@code chainHash} values in global-index order, so a checkpoint commits to the chains as stored.
 */
@Component
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final HexFormat HEX = HexFormat.of();
    // Its own mapper: the signed bytes must not change with the application's Jackson settings.
    private static final ObjectMapper CANONICAL = new ObjectMapper();
    private static final String COLUMNS = "id, first_global_index, last_global_index, tree_size, root, created_at, key_id, signature";

    private final JdbcTemplate jdbc;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public Checkpoints(JdbcTemplate jdbc, CheckpointSigner signer, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Records a checkpoint over the events since the last one, or nothing when there are none. Holding the
     * {@link AppendLock} exclusively, so every event with a global index up to the head it reads has committed,
     * and concurrent checkpoint writers (the schedule, an auditor, another replica) take turns.
     */
    public Optional<Checkpoint> create() {
        return transactions.execute(status -> {
            jdbc.execute(AppendLock.EXCLUSIVE);
            Long previousLast = jdbc.queryForObject("SELECT max(last_global_index) FROM audit_checkpoint", Long.class);
            List<Leaf> leaves = leaves(previousLast == null ? 0 : previousLast + 1, Long.MAX_VALUE);
            return leaves.isEmpty() ? Optional.<Checkpoint>empty() : Optional.of(record(leaves));
        });
    }

    private Checkpoint record(List<Leaf> leaves) {
        long first = leaves.get(0).globalIndex();
        long last = leaves.get(leaves.size() - 1).globalIndex();
        String root = HEX.formatHex(MerkleTree.root(leaves.stream().map(Leaf::data).toList()));
        // Milliseconds: what the signed text says must be what the column gives back.
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String signature = signer.sign(canonicalJson(
                new Checkpoint.Statement(first, last, leaves.size(), root, createdAt.toString())));
        Long id = jdbc.queryForObject("""
                INSERT INTO audit_checkpoint (first_global_index, last_global_index, tree_size, root, created_at,
                                              signature, key_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, Long.class, first, last, leaves.size(), root, Timestamp.from(createdAt), signature, signer.keyId());
        log.info("checkpoint {}: events {} to {}, {} leaves, root {}", id, first, last, leaves.size(), root);
        return new Checkpoint(id, first, last, leaves.size(), root, createdAt, signer.keyId(), signature);
    }

    /** Newest first. */
    public Page<Checkpoint> page(PageRequest request) {
        long before = request.after() == null ? Long.MAX_VALUE : request.after().number(0);
        List<Checkpoint> rows = jdbc.query("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE id < ? ORDER BY id DESC LIMIT ?",
                CHECKPOINT, before, request.rowsToFetch());
        return Page.of(rows, request, checkpoint -> Cursor.of(checkpoint.id()));
    }

    public Checkpoint find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE id = ?", CHECKPOINT, id).stream()
                .findFirst().orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "CHECKPOINT_NOT_FOUND",
                        "no checkpoint with that id"));
    }

    /**
     * The audit path of event {@code eventId} in checkpoint {@code id}, computed from the events as stored now,
     * next to the root as signed then: if a covered event was changed, added or removed since, they disagree.
     */
    public InclusionProof proof(long id, String eventId) {
        Checkpoint checkpoint = find(id);
        List<Leaf> leaves = leaves(checkpoint.firstGlobalIndex(), checkpoint.lastGlobalIndex());
        for (int index = 0; index < leaves.size(); index++) {
            Leaf leaf = leaves.get(index);
            if (leaf.eventId().equals(eventId)) {
                List<String> path = MerkleTree.inclusionPath(leaves.stream().map(Leaf::data).toList(), index)
                        .stream().map(HEX::formatHex).toList();
                return new InclusionProof(id, eventId, leaf.globalIndex(), index, checkpoint.treeSize(),
                        HEX.formatHex(leaf.data()), path, checkpoint.root());
            }
        }
        throw new ApiProblem(HttpStatus.NOT_FOUND, "EVENT_NOT_IN_CHECKPOINT", "no event with that id is in this checkpoint");
    }

    private List<Leaf> leaves(long fromGlobalIndex, long toGlobalIndex) {
        return jdbc.query("""
                SELECT global_index, event_identifier, meta_data FROM domain_event_entry
                WHERE global_index BETWEEN ? AND ? ORDER BY global_index
                """, (row, i) -> new Leaf(row.getLong("global_index"), row.getString("event_identifier"),
                leafData(row.getBytes("meta_data"))), fromGlobalIndex, toGlobalIndex);
    }

    /**
     * The event's stored chain hash as bytes. An event without a readable one still takes its place in the tree,
     * as the empty leaf: the checkpoint records what is stored, and the chain check reports what is wrong with it.
     */
    private static byte[] leafData(byte[] metaData) {
        String chainHash = EventChain.storedHash(metaData);
        try {
            return chainHash == null ? new byte[0] : HEX.parseHex(chainHash);
        } catch (IllegalArgumentException notHex) {
            return new byte[0];
        }
    }

    private static byte[] canonicalJson(Checkpoint.Statement statement) {
        try {
            return CANONICAL.writeValueAsBytes(statement);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a checkpoint statement is plain JSON", impossible);
        }
    }

    private static final RowMapper<Checkpoint> CHECKPOINT = (row, i) -> new Checkpoint(row.getLong("id"),
            row.getLong("first_global_index"), row.getLong("last_global_index"), row.getInt("tree_size"),
            row.getString("root"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
            row.getString("key_id"), row.getString("signature"));

    private record Leaf(long globalIndex, String eventId, byte[] data) {
    }
}
