package com.exqress.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/** One clear line when the whole system serves requests. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        boolean embedded = environment.getPropertySources().contains(EmbeddedDatabaseDefaults.PROPERTY_SOURCE);
        log.info("Exqress is ready at http://localhost:{} ({}, data in {})", environment.getProperty("local.server.port"),
                embedded ? "embedded PostgreSQL" : "external PostgreSQL", environment.getProperty(EmbeddedDatabaseDefaults.DATA_DIR));
    }
}
