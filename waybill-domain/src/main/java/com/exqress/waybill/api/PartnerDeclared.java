package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

/** From now on {@code partner} may carry the parcels of {@code carrier}. */
@Revision("1")
public record PartnerDeclared(CarrierId carrier, CarrierId partner, Provenance provenance) {
}
