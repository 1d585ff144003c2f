package com.exqress.platform.identity;

import com.exqress.waybill.api.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Lets a controller method take the acting {@link Actor} as a parameter. */
@Component
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private final ActorResolver actorResolver;

    public ActorArgumentResolver(ActorResolver actorResolver) {
        this.actorResolver = actorResolver;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
        return actorResolver.resolve(exchange).cast(Object.class);
    }
}
