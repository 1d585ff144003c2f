package com.exqress.platform.identity;

import com.exqress.waybill.api.Actor;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Establishes the acting user of a request, or fails with an UNAUTHENTICATED problem. */
public interface ActorResolver {

    Mono<Actor> resolve(ServerWebExchange exchange);
}
