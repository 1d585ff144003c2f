package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

/** The parcel went back to its sender; only disposal may follow. */
@Revision("1")
public record ParcelReturned(WaybillId waybillId, Provenance provenance) implements WaybillEvent {
}
