package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

/** The parcel changed hands. */
@Revision("1")
public record CustodyTransferred(WaybillId waybillId,
                                 Custodian from,
                                 Custodian to,
                                 Provenance provenance) implements WaybillEvent {
}
