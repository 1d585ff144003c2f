package com.exqress.query.web;

import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.platform.web.WaybillIds;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Role;
import com.exqress.waybill.api.WaybillCreated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Function;

/**
 * A waybill's stored events for those who may audit it: auditors, and admins of its carrier. Other roles are
 * forbidden; admins of other carriers are told the waybill does not exist, as for an unknown id.
 */
@Component
public class WaybillHistories {

    private final EventStore eventStore;
    private final BlockingWork blocking;

    public WaybillHistories(EventStore eventStore, BlockingWork blocking) {
        this.eventStore = eventStore;
        this.blocking = blocking;
    }

    /**
     * Every event of the waybill in the order appended, starting with its {@link WaybillCreated}. Each payload is
     * deserialised here, off the event loop, since opening sealed personal data may read its key from the database.
     */
    public Mono<List<? extends DomainEventMessage<?>>> read(Actor actor, String id) {
        return audit(actor, id, events -> events.asStream().peek(DomainEventMessage::getPayload).toList());
    }

    /**
     * Runs {@code work}, off the event loop, on the event stream of a waybill the actor may audit. Deciding that
     * deserialises only the first event; {@code work} reads as much of the rest as it needs.
     */
    public <T> Mono<T> audit(Actor actor, String id, Function<DomainEventStream, T> work) {
        if (actor.role() != Role.AUDITOR && actor.role() != Role.CARRIER_ADMIN) {
            return Mono.error(ApiProblem.forbidden("only auditors and carrier admins may read a waybill's history"));
        }
        return blocking.call(() -> {
            DomainEventStream events = eventStore.readEvents(WaybillIds.parse(id).toString(), 0);
            if (!events.hasNext() || !mayRead(actor, events.peek())) {
                throw ApiProblem.waybillNotFound();
            }
            return work.apply(events);
        });
    }

    private static boolean mayRead(Actor actor, DomainEventMessage<?> first) {
        return actor.role() == Role.AUDITOR
                || first.getPayload() instanceof WaybillCreated created && actor.isCarrierAdminOf(created.carrier());
    }
}
