package com.exqress.query.web;

import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.platform.web.WaybillIds;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Role;
import com.exqress.waybill.api.WaybillCreated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;

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

    /** Every event of the waybill in the order appended, starting with its {@link WaybillCreated}. */
    public Mono<List<? extends DomainEventMessage<?>>> read(Actor actor, String id) {
        if (actor.role() != Role.AUDITOR && actor.role() != Role.CARRIER_ADMIN) {
            return Mono.error(ApiProblem.forbidden("only auditors and carrier admins may read a waybill's history"));
        }
        return blocking.call(() -> {
            List<? extends DomainEventMessage<?>> events = eventStore.readEvents(WaybillIds.parse(id).toString()).asStream().toList();
            if (events.isEmpty() || !mayRead(actor, events.get(0))) {
                throw ApiProblem.waybillNotFound();
            }
            return events;
        });
    }

    private static boolean mayRead(Actor actor, DomainEventMessage<?> first) {
        return actor.role() == Role.AUDITOR
                || first.getPayload() instanceof WaybillCreated created && actor.isCarrierAdminOf(created.carrier());
    }
}
