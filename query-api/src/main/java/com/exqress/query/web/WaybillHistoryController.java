package com.exqress.query.web;

import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.platform.web.WaybillIds;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.Role;
import com.exqress.waybill.api.WaybillCreated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * {@code GET /waybills/{id}/events}: the raw history of one waybill for auditors and for admins of its
 * carrier. Anyone else, including admins of other carriers, is told the waybill does not exist.
 */
@RestController
public class WaybillHistoryController {

    private final EventStore eventStore;
    private final PersonalDataRedaction redaction;
    private final BlockingWork blocking;

    public WaybillHistoryController(EventStore eventStore, PersonalDataRedaction redaction, BlockingWork blocking) {
        this.eventStore = eventStore;
        this.redaction = redaction;
        this.blocking = blocking;
    }

    @GetMapping(path = "/waybills/{id}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<WaybillHistoryResponse> events(Actor actor, @PathVariable String id) {
        if (actor.role() != Role.AUDITOR && actor.role() != Role.CARRIER_ADMIN) {
            return Mono.error(ApiProblem.forbidden("only auditors and carrier admins may read a waybill's history"));
        }
        return blocking.call(() -> {
            List<? extends DomainEventMessage<?>> events = eventStore.readEvents(WaybillIds.parse(id).toString()).asStream().toList();
            if (events.isEmpty() || !mayRead(actor, events.get(0))) {
                throw ApiProblem.waybillNotFound();
            }
            return new WaybillHistoryResponse(id, events.stream().map(this::toRecordedEvent).toList());
        });
    }

    private static boolean mayRead(Actor actor, DomainEventMessage<?> first) {
        return actor.role() == Role.AUDITOR
                || first.getPayload() instanceof WaybillCreated created && actor.isCarrierAdminOf(created.carrier());
    }

    private RecordedEvent toRecordedEvent(DomainEventMessage<?> event) {
        return new RecordedEvent(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                revisionOf(event), event.getIdentifier(), event.getTimestamp(),
                redaction.toJson(event.getPayload()), event.getMetaData());
    }

    private static String revisionOf(DomainEventMessage<?> event) {
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }
}
