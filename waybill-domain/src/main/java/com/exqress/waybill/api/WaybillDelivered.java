package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

/** The parcel was delivered. */
@Revision("1")
public record WaybillDelivered(WaybillId waybillId,
                               DeliveryMethod method,
                               DeliveryProof proof,
                               DeliveryPersonalData personalData,
                               Provenance provenance) implements WaybillEvent {
}
