package com.exqress.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One clear line when the whole system serves requests. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String dataDir = environment.getProperty(EmbeddedDatabaseDefaults.DATA_DIR);
        log.info("Exqress is ready at http://localhost:{} ({})", environment.getProperty("local.server.port"),
                dataDir == null ? "external PostgreSQL" : "embedded PostgreSQL, data in " + dataDir);
    }
}
