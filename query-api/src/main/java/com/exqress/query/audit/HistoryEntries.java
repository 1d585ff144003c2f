package com.exqress.query.audit;

import com.exqress.query.readmodel.Cursor;
import com.exqress.query.readmodel.Page;
import com.exqress.query.readmodel.PageRequest;
import com.exqress.query.web.PersonalDataRedaction;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.DeliveryAttemptFailed;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelRevoked;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.ParcelReturned;
import com.exqress.waybill.api.ParcelScanned;
import com.exqress.waybill.api.PersonalDataDisclosed;
import com.exqress.waybill.api.PersonalField;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillDelivered;
import com.exqress.waybill.api.WaybillDisposed;
import com.exqress.waybill.api.WaybillEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/** Turns a waybill's stored events into the pages of its audit history. */
@Component
public class HistoryEntries {

    private final PersonalDataRedaction redaction;

    public HistoryEntries(PersonalDataRedaction redaction) {
        this.redaction = redaction;
    }

    /**
     * The page of {@code events} after the cursor's sequence. The whole stream is at hand already, because the
     * access rule needs its first event, and a parcel has tens of events, so paging happens in memory.
     */
    public AuditHistory page(String waybillId, List<? extends DomainEventMessage<?>> events, PageRequest request) {
        long after = request.after() == null ? -1 : request.after().number(0);
        List<DomainEventMessage<?>> rows = List.copyOf(events.stream()
                .filter(event -> event.getSequenceNumber() > after)
                .limit(request.rowsToFetch())
                .toList());
        Page<HistoryEntry> page = Page.of(rows, request, event -> Cursor.of(event.getSequenceNumber()))
                .map(this::entry);
        return new AuditHistory(waybillId, page.items(), page.nextCursor());
    }

    private HistoryEntry entry(DomainEventMessage<?> message) {
        WaybillEvent event = (WaybillEvent) message.getPayload();
        Provenance provenance = event.provenance();
        Actor actor = provenance.actor();
        return new HistoryEntry(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                message.getIdentifier(),
                new HistoryEntry.Who(actor.id().value(), actor.role(),
                        actor.carrier() == null ? null : actor.carrier().code()),
                new HistoryEntry.When(provenance.at(), message.getTimestamp()),
                new HistoryEntry.Where(code(provenance.location()), code(actor.hub())),
                why(event),
                provenance.request() == null ? null : provenance.request().idempotencyKey(),
                redaction.toJson(event));
    }

    /** The step in words; enum names only, so no personal data can slip in. */
    static String why(WaybillEvent event) {
        if (event instanceof WaybillCreated created) {
            return "created with " + created.carrier().code() + ", held by " + created.custodian().kind();
        }
        if (event instanceof LabelPrinted printed) {
            return "label print #" + printed.printNumber();
        }
        if (event instanceof LabelRevoked revoked) {
            return "label revoked: " + revoked.reason();
        }
        if (event instanceof CustodyTransferred transfer) {
            return "handoff from " + transfer.from().kind() + " to " + transfer.to().kind();
        }
        if (event instanceof ParcelScanned scanned) {
            return "scan " + scanned.action() + (scanned.hub() == null ? "" : " at " + scanned.hub().value());
        }
        if (event instanceof PersonalDataDisclosed disclosed) {
            return "disclosed " + disclosed.fields().stream().map(PersonalField::name).sorted().toList()
                    + " for " + disclosed.purpose();
        }
        if (event instanceof DeliveryAttemptFailed) {
            return "delivery attempt failed";
        }
        if (event instanceof WaybillDelivered delivered) {
            return "delivered " + delivered.method();
        }
        if (event instanceof ParcelReturned) {
            return "returned";
        }
        if (event instanceof WaybillDisposed disposed) {
            // No reason means the recipient asked, as in the tracking fold.
            return "disposed: " + (disposed.reason() == null ? "RECIPIENT_REQUEST" : disposed.reason());
        }
        throw new IllegalArgumentException("unknown waybill event " + event.getClass().getSimpleName());
    }

    private static String code(LocationCode location) {
        return location == null ? null : location.value();
    }
}
