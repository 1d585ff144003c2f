package com.exqress.standalone;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * An embedded server lives as long as the application context, also when start-up fails.
 *
 * @param server a name for the server, unique in the application
 */
record StopOnShutdown(String server, Runnable stop) implements ApplicationListener<ApplicationEvent> {

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ContextClosedEvent closed
                && closed.getApplicationContext() instanceof ConfigurableApplicationContext context
                && context.getBeanFactory() instanceof DefaultSingletonBeanRegistry beans) {
            // The context has only begun to close: its event processors still use the servers. Stop the server
            // with the context's beans, which are destroyed after every processor and web server has stopped.
            beans.registerDisposableBean("stop embedded " + server, stop::run);
        } else if (event instanceof ApplicationFailedEvent) {
            stop.run();
        }
    }
}
