package com.exqress.waybill.api;

import java.util.Set;

/** The carriers that may carry {@code carrier}'s parcels, after a partnership command. */
public record CarrierPartners(CarrierId carrier, Set<CarrierId> partners) {

    public CarrierPartners {
        partners = Set.copyOf(partners);
    }
}
