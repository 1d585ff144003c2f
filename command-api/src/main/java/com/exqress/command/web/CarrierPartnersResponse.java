package com.exqress.command.web;

import com.exqress.waybill.api.CarrierId;

import java.util.Collection;
import java.util.List;

/** The carriers that may carry a carrier's parcels, by code, in alphabetical order. */
public record CarrierPartnersResponse(String carrier, List<String> partners) {

    static CarrierPartnersResponse of(CarrierId carrier, Collection<CarrierId> partners) {
        return new CarrierPartnersResponse(carrier.code(), partners.stream().map(CarrierId::code).sorted().toList());
    }
}
