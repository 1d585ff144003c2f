package com.exqress.platform.security;

import com.exqress.platform.identity.ActorResolver;
import com.exqress.platform.web.ApiProblem;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Role;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The acting user is the subject of the validated access token, with the Exqress claims {@code role},
 * {@code carrier} (carrier staff) and {@code hub} (couriers). A token without a valid role acts as nobody.
 */
@Component
public class JwtActorResolver implements ActorResolver {

    public static final String ROLE = "role";
    public static final String CARRIER = "carrier";
    public static final String HUB = "hub";

    @Override
    public Mono<Actor> resolve(ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken token ? token.getToken() : null)
                .switchIfEmpty(Mono.error(() -> ApiProblem.unauthenticated("send a valid access token")))
                .map(JwtActorResolver::actorOf);
    }

    static Actor actorOf(Jwt token) {
        try {
            Role role = Role.valueOf(token.getClaimAsString(ROLE));
            String carrier = token.getClaimAsString(CARRIER);
            String hub = token.getClaimAsString(HUB);
            Actor actor = new Actor(new ActorId(token.getSubject()), role, carrier == null ? null : new CarrierId(carrier),
                    hub == null ? null : new LocationCode(hub));
            boolean carrierStaff = role == Role.COURIER || role == Role.CARRIER_ADMIN;
            if (carrierStaff != (actor.carrier() != null)) {
                throw new IllegalArgumentException("carrier staff, and only they, have a carrier");
            }
            return actor;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.forbidden("this token carries no valid Exqress role, carrier or hub");
        }
    }
}
