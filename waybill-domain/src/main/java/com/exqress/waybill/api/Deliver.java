package com.exqress.waybill.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The current custodian delivers the parcel. */
public record Deliver(@TargetAggregateIdentifier WaybillId waybillId,
                      DeliveryMethod method,
                      DeliveryProof proof,
                      DeliveryPersonalData personalData,
                      Provenance provenance) implements WaybillCommand {
}
