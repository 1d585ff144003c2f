package com.exqress.platform.identity;

import com.exqress.platform.web.ApiProblem;
import com.exqress.waybill.api.Actor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Embedded profile only: the caller names a demo user in the {@value #HEADER} header. Interim, until
 * the identity issue validates real access tokens; no other profile trusts this header.
 */
@Component
@Profile("embedded")
public class DemoHeaderActorResolver implements ActorResolver {

    public static final String HEADER = "X-Exqress-User";

    private final AccountDirectory accounts;

    public DemoHeaderActorResolver(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<Actor> resolve(ServerWebExchange exchange) {
        String user = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (user == null || user.isBlank()) {
            return Mono.error(ApiProblem.unauthenticated("name the acting demo user in the " + HEADER + " header"));
        }
        return Mono.justOrEmpty(accounts.findActor(user.strip()))
                .switchIfEmpty(Mono.error(ApiProblem.unauthenticated("no demo user has that name")));
    }
}
