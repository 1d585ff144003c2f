package com.exqress.standalone;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sits in Axon's command and event handling of the application under test, logs one line per message handled
 * and remembers the trace id that line was logged with, and on which thread.
 */
@Configuration(proxyBeanMethods = false)
class HandlerTraceProbe {

    /** One message handled: a command or an event, its payload type, the handling thread and the log's trace id. */
    record Handled(String kind, String type, String thread, String traceId) {
    }

    private static final Logger log = LoggerFactory.getLogger(HandlerTraceProbe.class);
    static final List<Handled> HANDLED = new CopyOnWriteArrayList<>();

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandTraceProbe() {
        return (unitOfWork, chain) -> {
            record("command", unitOfWork.getMessage().getPayloadType().getSimpleName());
            return chain.proceed();
        };
    }

    @Bean
    MessageHandlerInterceptor<EventMessage<?>> eventTraceProbe() {
        return (unitOfWork, chain) -> {
            record("event", unitOfWork.getMessage().getPayloadType().getSimpleName());
            return chain.proceed();
        };
    }

    private static void record(String kind, String type) {
        log.info("probe: handling {} {}", kind, type);
        HANDLED.add(new Handled(kind, type, Thread.currentThread().getName(), MDC.get("traceId")));
    }
}
