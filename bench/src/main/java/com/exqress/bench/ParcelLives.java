package com.exqress.bench;

import com.exqress.waybill.WaybillStory;
import com.exqress.waybill.api.WaybillEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parcels' whole lives appended one event per transaction, as a command appends a scan: each client appends its
 * own parcels' events in order, and starts a new parcel when one's life is over.
 */
final class ParcelLives {

    private static final Instant START = Instant.parse("2026-11-01T08:00:00Z");

    private final EventStore store;
    private final WaybillStory[] stories;
    private final List<List<WaybillEvent>> events = new ArrayList<>();
    private final int[] next;

    ParcelLives(EventStore store, int clients) {
        this.store = store;
        this.stories = new WaybillStory[clients];
        this.next = new int[clients];
        for (int client = 0; client < clients; client++) {
            events.add(List.of());
        }
    }

    /** @return the appended event's waybill and sequence number, as its integration event carries them */
    String appendNext(int client) {
        if (next[client] == events.get(client).size()) {
            stories[client] = new WaybillStory(START);
            events.set(client, stories[client].wholeLife());
            next[client] = 0;
        }
        int sequence = next[client];
        WaybillStory.append(store, stories[client].waybillId(), sequence, List.of(events.get(client).get(sequence)));
        next[client]++;
        return Receipts.relayKey(stories[client].waybillId().value().toString(), sequence);
    }

    ClosedLoopLoad.Call call() {
        return client -> {
            try {
                appendNext(client);
                return null;
            } catch (RuntimeException e) {
                return e.getClass().getSimpleName();
            }
        };
    }
}
