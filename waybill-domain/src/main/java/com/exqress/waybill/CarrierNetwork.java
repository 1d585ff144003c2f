package com.exqress.waybill;

import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Routing;

import java.util.Optional;

/** The carriers on the platform, who partners with whom, and each carrier's routing table. */
public interface CarrierNetwork {

    boolean isKnown(CarrierId carrier);

    /** Whether parcels of {@code owner} may be handed to parties of {@code other}; a carrier partners itself. */
    boolean mayCarryFor(CarrierId other, CarrierId owner);

    /** The region and destination hub for a postal code, from the carrier's routing table. */
    Optional<Routing> route(CarrierId carrier, String postalCode);
}
