package com.exqress.query.audit;

import java.util.List;

/**
 * The answer of {@code GET /audit/checkpoints/{id}/proof?eventId=}: what an auditor needs to check, against the
 * checkpoint's signed root and size alone, that the event as stored now is leaf {@code leafIndex} of it.
 *
 * @param leaf      the event's stored {@code chainHash} (hex), the leaf data; empty when the event has none
 * @param auditPath the RFC 6962 audit path, sibling hashes from the leaf upwards, hex
 * @param root      the checkpoint's root as recorded and signed, hex
 */
public record InclusionProof(long checkpointId, String eventId, long globalIndex, int leafIndex, int treeSize,
                             String leaf, List<String> auditPath, String root) {
}
