package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

/**
 * A waybill exists. {@code senderAccount} is the creating customer, or null when a carrier admin
 * created it; {@code recipientAccount} is null when no account matches the recipient.
 */
@Revision("1")
public record WaybillCreated(WaybillId waybillId,
                             TrackingNumber trackingNumber,
                             CarrierId carrier,
                             ServiceLevel service,
                             Routing routing,
                             Parcel parcel,
                             WaybillPersonalData personalData,
                             ActorId senderAccount,
                             ActorId recipientAccount,
                             Custodian custodian,
                             Provenance provenance) implements WaybillEvent {
}
