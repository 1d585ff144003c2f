package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

/** The last-mile courier could not deliver; the parcel stays in their custody. */
@Revision("1")
public record DeliveryAttemptFailed(WaybillId waybillId, Provenance provenance) implements WaybillEvent {
}
