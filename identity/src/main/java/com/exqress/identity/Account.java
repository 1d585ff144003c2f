package com.exqress.identity;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Role;

/** An account of the embedded identity service; {@code verifiedPhone} is personal data and stays here. */
record Account(String username, String passwordHash, Role role, String carrier, String hub, String verifiedPhone) {

    Actor toActor() {
        return new Actor(new ActorId(username), role, carrier == null ? null : new CarrierId(carrier),
                hub == null ? null : new LocationCode(hub));
    }

    @Override
    public String toString() {
        return "Account[" + username + ", " + role + "]";
    }
}
