package com.exqress.waybill.api;

import java.util.Objects;

/**
 * The party holding a parcel. {@code id} is the account id for senders and couriers, the hub code
 * for hubs and the carrier code for a carrier desk; {@code carrier} is null only for a sender.
 */
public record Custodian(CustodianKind kind, String id, CarrierId carrier) {

    public Custodian {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (kind != CustodianKind.SENDER) {
            Objects.requireNonNull(carrier, "carrier");
        }
    }

    public static Custodian courier(ActorId courier, CarrierId carrier) {
        return new Custodian(CustodianKind.COURIER, courier.value(), carrier);
    }

    public static Custodian hub(LocationCode hub, CarrierId carrier) {
        return new Custodian(CustodianKind.HUB, hub.value(), carrier);
    }

    /** The custodian an actor becomes when it creates a waybill. */
    public static Custodian creator(Actor actor) {
        if (actor.role() == Role.CARRIER_ADMIN) {
            return new Custodian(CustodianKind.CARRIER_DESK, actor.carrier().code(), actor.carrier());
        }
        return new Custodian(CustodianKind.SENDER, actor.id().value(), null);
    }

    /** Whether this actor may act for the custodian: it is that person, or works at that hub or desk. */
    public boolean isHeldBy(Actor actor) {
        return switch (kind) {
            case SENDER -> actor.role() == Role.CUSTOMER && actor.id().value().equals(id);
            case COURIER -> actor.role() == Role.COURIER && actor.id().value().equals(id);
            case HUB -> actor.role() == Role.COURIER && carrier.equals(actor.carrier())
                    && actor.hub() != null && actor.hub().value().equals(id);
            case CARRIER_DESK -> actor.isCarrierAdminOf(carrier);
        };
    }

    /** Whether a carrier holds the parcel; not named {@code is…} so that it is not serialised as a property. */
    public boolean carrierHolds() {
        return kind == CustodianKind.COURIER || kind == CustodianKind.HUB;
    }
}
