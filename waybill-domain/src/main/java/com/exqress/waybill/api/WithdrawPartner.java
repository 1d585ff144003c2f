package com.exqress.waybill.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A carrier stops letting {@code partner} carry its parcels, including those the partner holds now. */
public record WithdrawPartner(@TargetAggregateIdentifier CarrierId carrier,
                              CarrierId partner,
                              Provenance provenance) {
}
