package com.exqress.projections.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** {@code --rebuild-projections} on the command line starts a rebuild of the parcel read model once the service is up. */
@Component
class RebuildOnStartup implements ApplicationRunner {

    static final String OPTION = "rebuild-projections";
    private static final Logger log = LoggerFactory.getLogger(RebuildOnStartup.class);

    private final ParcelRebuilds rebuilds;

    RebuildOnStartup(ParcelRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        try {
            RebuildProgress progress = rebuilds.rebuild();
            log.info("--{}: rebuilding into {}, {} events to replay", OPTION, progress.rebuilding().schema(), progress.head());
        } catch (RebuildRefusedException refused) {
            log.warn("--{}: not started: {}", OPTION, refused.getMessage());
        }
    }
}
