package com.exqress.waybill.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The current custodian hands the parcel to a courier or a hub. */
public record HandOff(@TargetAggregateIdentifier WaybillId waybillId,
                      Custodian to,
                      Provenance provenance) implements WaybillCommand {
}
