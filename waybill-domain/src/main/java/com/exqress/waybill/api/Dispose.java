package com.exqress.waybill.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Dispose of a waybill: its label stops resolving and its personal data is to be destroyed.
 * {@code reason} may be null when the recipient disposes after delivery.
 */
public record Dispose(@TargetAggregateIdentifier WaybillId waybillId,
                      DisposalReason reason,
                      Provenance provenance) implements WaybillCommand {
}
