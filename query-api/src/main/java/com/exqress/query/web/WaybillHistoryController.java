package com.exqress.query.web;

import com.exqress.waybill.api.Actor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Revision;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /waybills/{id}/events}: the raw history of one waybill for auditors and for admins of its
 * carrier ({@link WaybillHistories} decides who may read it), personal data redacted.
 */
@RestController
public class WaybillHistoryController {

    private final WaybillHistories histories;
    private final PersonalDataRedaction redaction;

    public WaybillHistoryController(WaybillHistories histories, PersonalDataRedaction redaction) {
        this.histories = histories;
        this.redaction = redaction;
    }

    @GetMapping(path = "/waybills/{id}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<WaybillHistoryResponse> events(Actor actor, @PathVariable String id) {
        return histories.read(actor, id)
                .map(events -> new WaybillHistoryResponse(id, events.stream().map(this::toRecordedEvent).toList()));
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
