package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

/**
 * A waybill exists. {@code originHub} is the carrier's hub for the sender's postal code, where pickups are
 * organised: kept outside the personal data so it outlives erasure; null when the carrier serves no route
 * there. {@code senderAccount} is the creating customer, or null when a carrier admin created it;
 * {@code recipientAccount} is null when no account matches the recipient.
 */
@Revision("1")
public record WaybillCreated(WaybillId waybillId,
                             TrackingNumber trackingNumber,
                             CarrierId carrier,
                             ServiceLevel service,
                             Routing routing,
                             LocationCode originHub,
                             Parcel parcel,
                             WaybillPersonalData personalData,
                             ActorId senderAccount,
                             ActorId recipientAccount,
                             Custodian custodian,
                             Provenance provenance) implements WaybillEvent {
}
