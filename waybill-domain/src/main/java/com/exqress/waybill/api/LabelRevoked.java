package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

/** A label reference stopped resolving, for good. */
@Revision("1")
public record LabelRevoked(WaybillId waybillId,
                           LabelReference reference,
                           RevocationReason reason,
                           Provenance provenance) implements WaybillEvent {
}
