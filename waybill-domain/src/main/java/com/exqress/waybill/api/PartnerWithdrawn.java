package com.exqress.waybill.api;

import org.axonframework.serialization.Revision;

/** From now on {@code partner} may no longer carry the parcels of {@code carrier}. */
@Revision("1")
public record PartnerWithdrawn(CarrierId carrier, CarrierId partner, Provenance provenance) {
}
