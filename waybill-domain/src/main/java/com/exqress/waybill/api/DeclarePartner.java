package com.exqress.waybill.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A carrier declares that {@code partner} may carry its parcels: take custody of them and scan their labels. */
public record DeclarePartner(@TargetAggregateIdentifier CarrierId carrier,
                             CarrierId partner,
                             Provenance provenance) {
}
