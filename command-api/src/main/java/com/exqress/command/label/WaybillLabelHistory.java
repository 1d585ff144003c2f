package com.exqress.command.label;

import com.exqress.waybill.api.WaybillId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Reads a waybill's label facts from its events in the store, the only source of truth about it. Like every reader
 * of a history it reads from sequence 0: {@code readEvents(id)} would first look for a snapshot, one query more on
 * every scan, and would start at a snapshot if one were ever taken. Only the events the facts fold are deserialized:
 * a stored payload's type is known without reading it, and the scans, most of a busy parcel's history, were most of
 * a scan's CPU when all of them were deserialized for every scan.
 */
@Component
public class WaybillLabelHistory {

    private final EventStore eventStore;

    public WaybillLabelHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<WaybillLabelFacts> factsOf(WaybillId waybillId) {
        List<Object> events = eventStore.readEvents(waybillId.toString(), 0).asStream()
                .filter(event -> WaybillLabelFacts.folds(event.getPayloadType()))
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
        return events.isEmpty() ? Optional.empty() : Optional.of(WaybillLabelFacts.of(events));
    }
}
