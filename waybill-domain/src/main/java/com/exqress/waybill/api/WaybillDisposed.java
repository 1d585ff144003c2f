package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

/** The waybill was disposed of: nothing may happen to it any more. */
@Revision("1")
public record WaybillDisposed(WaybillId waybillId,
                              DisposalReason reason,
                              Provenance provenance) implements WaybillEvent {
}
