package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

/** A label with a fresh reference was printed; {@code printNumber} counts prints from 1. */
@Revision("1")
public record LabelPrinted(WaybillId waybillId,
                           LabelReference reference,
                           int printNumber,
                           Provenance provenance) implements WaybillEvent {
}
