package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An accepted scan; its consequences (custody, delivery, …) follow as their own events. */
@Revision("1")
public record ParcelScanned(WaybillId waybillId,
                            ScanAction action,
                            LocationCode hub,
                            Instant deviceTime,
                            Provenance provenance) implements WaybillEvent {
}
