package com.exqress.identity;

import com.exqress.waybill.api.Actor;

/** {@code GET /auth/me}: who the token says the caller is, for front ends to adapt to. */
record CallerResponse(String username, String role, String carrier, String hub) {

    static CallerResponse of(Actor actor) {
        return new CallerResponse(actor.id().value(), actor.role().name(),
                actor.carrier() == null ? null : actor.carrier().code(), actor.hub() == null ? null : actor.hub().value());
    }
}
