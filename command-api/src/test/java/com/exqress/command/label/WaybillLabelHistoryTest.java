package com.exqress.command.label;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.LabelRevoked;
import com.exqress.waybill.api.ParcelScanned;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.RevocationReason;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A history's label facts, read without deserializing the events that cannot change them. */
class WaybillLabelHistoryTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CarrierId SWP = new CarrierId("SWP");

    @Test
    void foldsTheLabelEventsAndLeavesTheScansSerialized() {
        WaybillId waybillId = WaybillId.random();
        LabelReference first = LabelReference.mint(RANDOM);
        LabelReference reprint = LabelReference.mint(RANDOM);
        Provenance provenance = new Provenance(Actor.customer("sender1"), Instant.now(), null, null);
        List<DomainEventMessage<?>> history = List.of(
                event(waybillId, 0, new WaybillCreated(waybillId, null, SWP, null, null, null, null, null, null, null,
                        null, provenance)),
                event(waybillId, 1, new LabelPrinted(waybillId, first, 1, provenance)),
                unreadable(waybillId, 2, ParcelScanned.class),
                event(waybillId, 3, new LabelRevoked(waybillId, first, RevocationReason.REPRINTED, provenance)),
                event(waybillId, 4, new LabelPrinted(waybillId, reprint, 2, provenance)),
                unreadable(waybillId, 5, ParcelScanned.class));

        Optional<WaybillLabelFacts> facts = new WaybillLabelHistory(storeHolding(Map.of(waybillId, history)))
                .factsOf(waybillId);

        assertThat(facts).hasValueSatisfying(label -> {
            assertThat(label.carrier()).isEqualTo(SWP);
            assertThat(label.activeLabel()).isEqualTo(reprint);
            assertThat(label.revocationOf(first)).isEqualTo(RevocationReason.REPRINTED);
            assertThat(label.disposed()).isFalse();
        });
    }

    @Test
    void aWaybillWithNoEventsHasNoFacts() {
        assertThat(new WaybillLabelHistory(storeHolding(Map.of())).factsOf(WaybillId.random())).isEmpty();
    }

    private static DomainEventMessage<?> event(WaybillId waybillId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Waybill", waybillId.toString(), sequence, payload);
    }

    /** An event whose type is known, as a stored one's is, but whose payload must not be read. */
    private static DomainEventMessage<?> unreadable(WaybillId waybillId, long sequence, Class<?> type) {
        return new GenericDomainEventMessage<>("Waybill", waybillId.toString(), sequence, "not deserialized") {
            @Override
            public Class getPayloadType() {
                return type;
            }

            @Override
            public String getPayload() {
                throw new AssertionError("a " + type.getSimpleName() + " was deserialized to read label facts");
            }
        };
    }

    private static EmbeddedEventStore storeHolding(Map<WaybillId, List<DomainEventMessage<?>>> histories) {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine() {
            @Override
            public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
                return DomainEventStream.of(histories.getOrDefault(WaybillId.parse(aggregateIdentifier), List.of()));
            }
        };
        return EmbeddedEventStore.builder().storageEngine(engine).build();
    }
}
