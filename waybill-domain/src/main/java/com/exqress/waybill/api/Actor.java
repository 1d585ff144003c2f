package com.exqress.waybill.api;

import java.util.Objects;

/**
 * Who acts, in which role, for which carrier and at which hub. {@code carrier} is null for customers,
 * platform admins and auditors; {@code hub} is null for anyone not posted at a hub.
 */
public record Actor(ActorId id, Role role, CarrierId carrier, LocationCode hub) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public static Actor customer(String id) {
        return new Actor(new ActorId(id), Role.CUSTOMER, null, null);
    }

    public static Actor courier(String id, CarrierId carrier, LocationCode hub) {
        return new Actor(new ActorId(id), Role.COURIER, carrier, hub);
    }

    public static Actor carrierAdmin(String id, CarrierId carrier) {
        return new Actor(new ActorId(id), Role.CARRIER_ADMIN, carrier, null);
    }

    public boolean isCarrierAdminOf(CarrierId carrierId) {
        return role == Role.CARRIER_ADMIN && carrierId.equals(carrier);
    }
}
