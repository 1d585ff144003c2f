package com.exqress.waybill.tracking;

import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.DeliveryAttemptFailed;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.NextStep;
import com.exqress.waybill.api.ParcelReturned;
import com.exqress.waybill.api.ParcelScanned;
import com.exqress.waybill.api.ScanAction;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillDelivered;
import com.exqress.waybill.api.WaybillDisposed;
import com.exqress.waybill.api.WaybillEvent;
import com.exqress.waybill.api.WaybillId;

import java.time.Instant;

/**
 * A parcel's progress after some prefix of its events, in the tracking vocabulary. {@link #next} folds one
 * more event in; events that change nothing a customer sees (a disclosure, a revoked label) return the
 * progress unchanged. It mirrors the aggregate's lifecycle but never decides anything: the events already
 * happened.
 *
 * @param hub             the last hub the parcel was at or left, or the location it was created at
 * @param destinationHub  the hub that delivers it, from the carrier's routing table
 * @param holder          who holds the parcel; couriers by account id, so only carrier-side views show it
 * @param lastMileCourier the courier who took it out for delivery, while it is out or failed delivery
 * @param changedAt       when the status or reason last changed
 */
public record ParcelProgress(WaybillId waybillId, TrackingNumber trackingNumber, CarrierId carrier,
                             TrackingStatus status, String reason, LocationCode hub, LocationCode destinationHub,
                             Custodian holder, ActorId lastMileCourier, Instant changedAt) {

    public static ParcelProgress start(WaybillCreated created) {
        return new ParcelProgress(created.waybillId(), created.trackingNumber(), created.carrier(),
                TrackingStatus.INFO_RECEIVED, "WAYBILL_CREATED", created.provenance().location(),
                created.routing().destinationHub(), created.custodian(), null, created.provenance().at());
    }

    /** The progress after {@code event}, which must be this parcel's next event. */
    public ParcelProgress next(WaybillEvent event) {
        Instant at = event.provenance().at();
        if (event instanceof LabelPrinted printed) {
            return status == TrackingStatus.INFO_RECEIVED
                    ? with(TrackingStatus.INFO_RECEIVED, printed.printNumber() == 1 ? "LABEL_PRINTED" : "LABEL_REPRINTED", at)
                    : this;
        }
        if (event instanceof ParcelScanned scanned) {
            return scanned(scanned, at);
        }
        if (event instanceof CustodyTransferred transfer) {
            return transferred(transfer, at);
        }
        if (event instanceof DeliveryAttemptFailed) {
            return with(TrackingStatus.DELIVERY_FAILED, "DELIVERY_ATTEMPT_FAILED", at);
        }
        if (event instanceof WaybillDelivered delivered) {
            return new ParcelProgress(waybillId, trackingNumber, carrier, TrackingStatus.DELIVERED,
                    delivered.method().name(), hub, destinationHub, null, null, at);
        }
        if (event instanceof ParcelReturned) {
            return with(TrackingStatus.RETURNED,
                    holder.kind() == CustodianKind.SENDER ? "RETURNED_TO_SENDER" : "RETURNED_TO_CARRIER_DESK", at);
        }
        if (event instanceof WaybillDisposed disposed) {
            return new ParcelProgress(waybillId, trackingNumber, carrier, TrackingStatus.DISPOSED,
                    disposed.reason() == null ? "RECIPIENT_REQUEST" : disposed.reason().name(), hub, destinationHub,
                    null, null, at);
        }
        return this;
    }

    /**
     * Scans that are followed by the event that changes the status (pickup, arrival, delivery, return) change
     * nothing themselves; a departure and going out for delivery have no other event.
     */
    private ParcelProgress scanned(ParcelScanned scanned, Instant at) {
        if (scanned.action() == ScanAction.HUB_DEPARTURE) {
            return new ParcelProgress(waybillId, trackingNumber, carrier, TrackingStatus.IN_TRANSIT, "DEPARTED_HUB",
                    scanned.hub() != null ? scanned.hub() : hub, destinationHub, holder, null, at);
        }
        if (scanned.action() == ScanAction.OUT_FOR_DELIVERY) {
            return new ParcelProgress(waybillId, trackingNumber, carrier, TrackingStatus.OUT_FOR_DELIVERY,
                    "OUT_FOR_DELIVERY", scanned.hub() != null ? scanned.hub() : hub, destinationHub, holder,
                    scanned.provenance().actor().id(), at);
        }
        return this;
    }

    private ParcelProgress transferred(CustodyTransferred transfer, Instant at) {
        Custodian to = transfer.to();
        CustodianKind from = transfer.from().kind();
        if (from == CustodianKind.SENDER || from == CustodianKind.CARRIER_DESK) {
            return new ParcelProgress(waybillId, trackingNumber, carrier, TrackingStatus.PICKED_UP, "PICKED_UP",
                    hub, destinationHub, to, null, at);
        }
        if (to.kind() == CustodianKind.SENDER || to.kind() == CustodianKind.CARRIER_DESK) {
            // A return: ParcelReturned follows and sets the status.
            return new ParcelProgress(waybillId, trackingNumber, carrier, status, reason, hub, destinationHub, to,
                    null, changedAt);
        }
        if (to.kind() == CustodianKind.HUB) {
            return new ParcelProgress(waybillId, trackingNumber, carrier, TrackingStatus.IN_TRANSIT, "ARRIVED_AT_HUB",
                    new LocationCode(to.id()), destinationHub, to, null, at);
        }
        boolean toLastMile = lastMileCourier != null && lastMileCourier.value().equals(to.id())
                && status == TrackingStatus.OUT_FOR_DELIVERY;
        if (toLastMile) {
            return new ParcelProgress(waybillId, trackingNumber, carrier, status, reason, hub, destinationHub, to,
                    lastMileCourier, changedAt);
        }
        // Any other courier taking the parcel puts it back in the network, as the aggregate does.
        return new ParcelProgress(waybillId, trackingNumber, carrier, TrackingStatus.IN_TRANSIT, "HANDED_OVER",
                hub, destinationHub, to, null, at);
    }

    private ParcelProgress with(TrackingStatus newStatus, String newReason, Instant at) {
        return new ParcelProgress(waybillId, trackingNumber, carrier, newStatus, newReason, hub, destinationHub,
                holder, newStatus == TrackingStatus.DELIVERY_FAILED ? lastMileCourier : null, at);
    }

    /** What should happen next, for the customer's "what now": null once nothing more will happen. */
    public NextStep nextStep() {
        return NextStep.after(status, hub, destinationHub);
    }
}
