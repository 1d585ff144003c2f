package com.exqress.platform.metrics;

import com.exqress.waybill.api.PersonalDataDisclosed;
import com.exqress.waybill.api.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Counts what this service appends to the event store once its transaction committed, so a command that lost a
 * conflict and was retried counts once: {@code exqress.events.appended}, tagged by event type, and
 * {@code exqress.personal_data.disclosures}, tagged by the role of whoever was shown personal data. The tags are
 * class and role names only, never who or which waybill.
 */
@Component
public class EventStoreMetrics {

    private final MeterRegistry meters;
    private final Map<Role, Counter> disclosures = new EnumMap<>(Role.class);

    public EventStoreMetrics(EventStore eventStore, MeterRegistry meters) {
        this.meters = meters;
        // Every role from the start, so a dashboard shows 0 rather than no data for a role that saw nothing yet.
        for (Role role : Role.values()) {
            disclosures.put(role, Counter.builder("exqress.personal_data.disclosures")
                    .description("personal data shown to someone, by the role of who saw it")
                    .tag("role", role.name())
                    .register(meters));
        }
        // On the event store itself, not as a bean: Axon would also put a bean on the event gateway, and count twice.
        eventStore.registerDispatchInterceptor(this::countOnCommit);
    }

    private BiFunction<Integer, EventMessage<?>, EventMessage<?>> countOnCommit(List<? extends EventMessage<?>> messages) {
        List<EventMessage<?>> appended = List.copyOf(messages);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> count(appended));
        } else {
            count(appended);
        }
        return (index, message) -> message;
    }

    private void count(List<EventMessage<?>> appended) {
        for (EventMessage<?> message : appended) {
            Counter.builder("exqress.events.appended")
                    .description("events appended to the event store, by type")
                    .tag("type", message.getPayloadType().getSimpleName())
                    .register(meters)
                    .increment();
            if (message.getPayload() instanceof PersonalDataDisclosed disclosed) {
                disclosures.get(disclosed.provenance().actor().role()).increment();
            }
        }
    }
}
