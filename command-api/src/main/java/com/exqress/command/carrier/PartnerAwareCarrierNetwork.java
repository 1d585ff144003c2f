package com.exqress.command.carrier;

import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.waybill.CarrierNetwork;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Routing;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The carrier network the aggregates see: carriers and routes from configuration, partners as declared. */
@Component
public class PartnerAwareCarrierNetwork implements CarrierNetwork {

    private final CarrierDirectory directory;
    private final CarrierPartnerIndex partners;

    public PartnerAwareCarrierNetwork(CarrierDirectory directory, CarrierPartnerIndex partners) {
        this.directory = directory;
        this.partners = partners;
    }

    @Override
    public boolean isKnown(CarrierId carrier) {
        return directory.isKnown(carrier);
    }

    @Override
    public boolean mayCarryFor(CarrierId other, CarrierId owner) {
        return directory.isKnown(owner) && (owner.equals(other) || partners.isPartner(other, owner));
    }

    @Override
    public Optional<Routing> route(CarrierId carrier, String postalCode) {
        return directory.route(carrier, postalCode);
    }
}
