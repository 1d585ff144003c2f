package com.exqress.waybill.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Print a label, or reprint one: {@code newReference} replaces and revokes any earlier reference. */
public record PrintLabel(@TargetAggregateIdentifier WaybillId waybillId,
                         LabelReference newReference,
                         Provenance provenance) implements WaybillCommand {
}
