package com.exqress.command.scan;

import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillId;
import com.exqress.waybill.api.WaybillPersonalData;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads a waybill's personal data from its WaybillCreated event, for a response the aggregate has just
 * recorded a disclosure for. The one place personal data is read back on the command side.
 */
@Component
public class WaybillPersonalDataReader {

    private final EventStore eventStore;

    public WaybillPersonalDataReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public WaybillPersonalData of(WaybillId waybillId) {
        return eventStore.readEvents(waybillId.toString(), 0).asStream()
                .map(event -> event.getPayload())
                .filter(WaybillCreated.class::isInstance)
                .map(created -> ((WaybillCreated) created).personalData())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("a waybill's history starts with WaybillCreated"));
    }
}
