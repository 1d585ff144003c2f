package com.exqress.waybill;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.CarrierPartners;
import com.exqress.waybill.api.DeclarePartner;
import com.exqress.waybill.api.PartnerDeclared;
import com.exqress.waybill.api.PartnerWithdrawn;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.WithdrawPartner;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashSet;
import java.util.Set;

import static com.exqress.waybill.api.WaybillErrorCode.INVALID_PARTNER;
import static com.exqress.waybill.api.WaybillErrorCode.NOT_PERMITTED;
import static com.exqress.waybill.api.WaybillErrorCode.PARTNER_NOT_DECLARED;
import static com.exqress.waybill.api.WaybillErrorCode.UNKNOWN_CARRIER;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The carriers one carrier lets carry its parcels. Only that carrier's admins decide: a partnership hands
 * the partner's couriers the personal data its parcels need on the way, so it is the owner's call alone.
 * Declaring a partner twice, like withdrawing one twice, changes nothing and records nothing.
 */
public class CarrierPartnerships {

    @AggregateIdentifier
    private CarrierId carrier;
    private final Set<CarrierId> partners = new HashSet<>();

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CarrierPartners handle(DeclarePartner command, CarrierNetwork network) {
        requireAdminOf(command.carrier(), command.provenance());
        if (command.partner().equals(command.carrier())) {
            throw new WaybillRuleViolation(INVALID_PARTNER, "a carrier always carries its own parcels");
        }
        if (!network.isKnown(command.partner())) {
            throw new WaybillRuleViolation(UNKNOWN_CARRIER, "carrier " + command.partner() + " is not on the platform");
        }
        if (!partners.contains(command.partner())) {
            apply(new PartnerDeclared(command.carrier(), command.partner(), command.provenance()));
        }
        return new CarrierPartners(command.carrier(), partners);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CarrierPartners handle(WithdrawPartner command) {
        requireAdminOf(command.carrier(), command.provenance());
        if (!partners.contains(command.partner())) {
            throw new WaybillRuleViolation(PARTNER_NOT_DECLARED,
                    "carrier " + command.partner() + " is not a partner of " + command.carrier());
        }
        apply(new PartnerWithdrawn(command.carrier(), command.partner(), command.provenance()));
        return new CarrierPartners(command.carrier(), partners);
    }

    private static void requireAdminOf(CarrierId carrier, Provenance provenance) {
        Actor actor = provenance.actor();
        if (!actor.isCarrierAdminOf(carrier)) {
            throw new WaybillRuleViolation(NOT_PERMITTED, "only an admin of carrier " + carrier + " may change its partners");
        }
    }

    @EventSourcingHandler
    void on(PartnerDeclared event) {
        carrier = event.carrier();
        partners.add(event.partner());
    }

    @EventSourcingHandler
    void on(PartnerWithdrawn event) {
        partners.remove(event.partner());
    }
}
