package com.exqress.projections.readmodel;

import com.exqress.waybill.tracking.ParcelProgress;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.PersonalDataDisclosed;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillEvent;
import com.exqress.waybill.api.WaybillId;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Keeps one copy of the parcel read model: the row customers, couriers and admins read, its timeline, who
 * saw its personal data, and arrivals per hub. Events of one waybill arrive in order on one segment; an
 * event at or below the row's last applied sequence (a replay, a duplicate, a late copy) changes nothing,
 * so nothing is counted twice and no status moves backwards. Only the serving copy wakes live trackers.
 */
public class ParcelProjection {

    private static final Logger log = LoggerFactory.getLogger(ParcelProjection.class);

    private final ParcelRows rows;
    private final BooleanSupplier serving;

    public ParcelProjection(ParcelRows rows, BooleanSupplier serving) {
        this.rows = rows;
        this.serving = serving;
    }

    @EventHandler
    public void on(WaybillEvent event, @SequenceNumber long sequence) {
        if (event instanceof WaybillCreated created) {
            create(created, sequence);
            return;
        }
        rows.find(event.waybillId()).ifPresentOrElse(applied -> {
            if (sequence <= applied.lastSequence()) {
                return;
            }
            if (sequence > applied.lastSequence() + 1) {
                log.warn("waybill {}: event {} applied after {}, events in between were never seen",
                        event.waybillId(), sequence, applied.lastSequence());
            }
            apply(applied.progress(), event, sequence);
        }, () -> log.warn("waybill {}: event {} for a parcel never created here, ignored", event.waybillId(), sequence));
    }

    private void create(WaybillCreated created, long sequence) {
        if (rows.find(created.waybillId()).isPresent()) {
            return;
        }
        ParcelProgress progress = ParcelProgress.start(created);
        rows.insert(progress, new ParcelRows.NewParcel(created.senderAccount(), created.recipientAccount(), created.originHub(),
                created.routing().region(), created.provenance().at()), sequence);
        rows.addTimelineStep(progress, sequence);
        announceChange(created.waybillId());
    }

    private void apply(ParcelProgress before, WaybillEvent event, long sequence) {
        ParcelProgress after = before.next(event);
        rows.update(after, sequence);
        if (after.status() != before.status() || !Objects.equals(after.reason(), before.reason())
                || !Objects.equals(after.hub(), before.hub())) {
            rows.addTimelineStep(after, sequence);
        }
        if (event instanceof PersonalDataDisclosed disclosed) {
            rows.addDisclosure(disclosed, sequence);
        }
        if (event instanceof CustodyTransferred transfer && transfer.to().kind() == CustodianKind.HUB) {
            rows.countArrival(transfer.to().carrier(), new LocationCode(transfer.to().id()), event.provenance().at());
        }
        announceChange(event.waybillId());
    }

    private void announceChange(WaybillId waybillId) {
        if (serving.getAsBoolean()) {
            rows.announceChange(waybillId);
        }
    }
}
