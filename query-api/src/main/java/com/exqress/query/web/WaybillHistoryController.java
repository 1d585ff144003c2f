package com.exqress.query.web;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.waybill.api.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Revision;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static com.exqress.platform.web.ProblemCode.STORED_EVENT_UNREADABLE;
import static com.exqress.platform.web.ProblemCode.WAYBILL_NOT_FOUND;
import static com.exqress.waybill.api.Role.AUDITOR;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;

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

    @Operation(summary = "A waybill's raw event history, personal data redacted")
    @Access(value = {AUDITOR, CARRIER_ADMIN},
            rule = "auditors, and admins of the waybill's carrier (others' admins are told WAYBILL_NOT_FOUND)")
    @Problems({WAYBILL_NOT_FOUND, STORED_EVENT_UNREADABLE})
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
