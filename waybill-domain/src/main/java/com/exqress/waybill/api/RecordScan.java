package com.exqress.waybill.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A courier scanned the waybill's label. {@code hub} is where the scan happened (may be null away from a
 * hub); {@code deviceTime} is the scanning device's clock, kept beside the server time of the provenance.
 */
public record RecordScan(@TargetAggregateIdentifier WaybillId waybillId,
                         ScanAction action,
                         LocationCode hub,
                         Instant deviceTime,
                         Provenance provenance) implements WaybillCommand {
}
