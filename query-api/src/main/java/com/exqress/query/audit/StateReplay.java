package com.exqress.query.audit;

import com.exqress.platform.web.ApiProblem;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelRevoked;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillEvent;
import com.exqress.waybill.tracking.ParcelProgress;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Rebuilds a waybill's state at an instant with the tracking fold the read models use ({@link ParcelProgress}),
 * so an auditor sees the status a customer was shown then.
 * <p>
 * It replays by event time (the provenance's {@code at}), not by record time: that is the time the tracking
 * views show and the time an auditor is asked about. Events of a waybill are appended in order and the
 * aggregate stamps them as it handles each command, so the events up to an instant are a prefix of the stream;
 * the replay stops at the first later event all the same, because the fold is only defined on prefixes.
 */
final class StateReplay {

    private StateReplay() {
    }

    /** {@code asOf} from the query parameter; missing or not an ISO-8601 instant is a 400. */
    static Instant parseAsOf(String asOf) {
        if (asOf == null) {
            throw ApiProblem.invalidField("asOf", "is required, an ISO-8601 instant such as 2026-11-23T09:00:00Z");
        }
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("asOf", "must be an ISO-8601 instant such as 2026-11-23T09:00:00Z");
        }
    }

    /**
     * The state after the events up to {@code asOf}; a 404 {@code WAYBILL_NOT_YET_CREATED} when the waybill was
     * created later, so that it is not mistaken for an unknown one.
     */
    static WaybillState at(String waybillId, List<? extends DomainEventMessage<?>> events, Instant asOf) {
        WaybillCreated created = (WaybillCreated) events.get(0).getPayload();
        if (created.provenance().at().isAfter(asOf)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "WAYBILL_NOT_YET_CREATED",
                    "the waybill did not exist yet at asOf; it was created at " + created.provenance().at());
        }
        ParcelProgress progress = ParcelProgress.start(created);
        int printed = 0;
        int revoked = 0;
        long lastSequence = events.get(0).getSequenceNumber();
        for (DomainEventMessage<?> message : events.subList(1, events.size())) {
            WaybillEvent event = (WaybillEvent) message.getPayload();
            if (event.provenance().at().isAfter(asOf)) {
                break;
            }
            progress = progress.next(event);
            printed += event instanceof LabelPrinted ? 1 : 0;
            revoked += event instanceof LabelRevoked ? 1 : 0;
            lastSequence = message.getSequenceNumber();
        }
        return new WaybillState(waybillId, asOf, progress.trackingNumber().value(), progress.carrier().code(),
                progress.status(), progress.reason(), progress.changedAt(), holder(progress.holder()),
                code(progress.hub()), code(progress.destinationHub()), printed - revoked, revoked,
                progress.status() == TrackingStatus.DISPOSED, lastSequence);
    }

    private static WaybillState.Holder holder(Custodian custodian) {
        if (custodian == null) {
            return null;
        }
        return new WaybillState.Holder(custodian.kind(),
                custodian.carrier() == null ? null : custodian.carrier().code(),
                custodian.kind() == CustodianKind.HUB ? custodian.id() : null);
    }

    private static String code(LocationCode location) {
        return location == null ? null : location.value();
    }
}
