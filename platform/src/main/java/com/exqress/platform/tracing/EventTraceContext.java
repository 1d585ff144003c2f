package com.exqress.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Carries the trace of the request that recorded an event to whoever handles it, as W3C {@code traceparent} in
 * the event's metadata: tracking processors handle events on their own threads, often in another replica, long
 * after the request's thread moved on. Each handling runs in a span of that trace, so its log lines carry the
 * request's trace id. An event recorded outside any request (the retention sweep) starts a trace of its own.
 * Commands need nothing of this: Axon handles them on the thread that sends them, which already has the trace.
 *
 * <p>The handler side is a bean, which Axon's Spring Boot support puts on every event processor. Axon's own
 * {@code axon-tracing-opentelemetry} would do this and more, but it is not published for Axon 4.13.
 */
@Component
// Outermost of the event handler interceptors, so the others run in the trace as well.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EventTraceContext implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Tracer tracer;
    private final Propagator propagator;

    /** Without tracing ({@code management.tracing.enabled=false}, and in Spring Boot's tests) there is no propagator. */
    public EventTraceContext(EventStore eventStore, Tracer tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        // On the event store itself, not as a bean: Axon would also put a bean on the event gateway, and do it twice.
        eventStore.registerDispatchInterceptor(this::withCurrentTrace);
    }

    private BiFunction<Integer, EventMessage<?>, EventMessage<?>> withCurrentTrace(List<? extends EventMessage<?>> messages) {
        TraceContext current = tracer.currentTraceContext().context();
        if (current == null) {
            return (index, message) -> message;
        }
        Map<String, String> traceHeaders = new HashMap<>();
        propagator.inject(current, traceHeaders, Map::put);
        return (index, message) -> message.andMetaData(traceHeaders);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        Span span = propagator.extract(event.getMetaData(), EventTraceContext::header)
                .name("handle " + event.getPayloadType().getSimpleName())
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return interceptorChain.proceed();
        } catch (Exception e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private static String header(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
