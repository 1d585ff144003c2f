package com.exqress.query.audit;

import java.util.List;

/**
 * One page of a waybill's history, in sequence order.
 *
 * @param nextCursor pass it back as {@code cursor} for the next page; null on the last page
 */
public record AuditHistory(String waybillId, List<HistoryEntry> events, String nextCursor) {

    public AuditHistory {
        events = List.copyOf(events);
    }
}
