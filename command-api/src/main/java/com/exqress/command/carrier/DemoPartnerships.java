package com.exqress.command.carrier;

import com.exqress.waybill.CarrierPartnerships;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.DeclarePartner;
import com.exqress.waybill.api.Provenance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Declares the README's demo partnerships (SWP and BLR carry for each other, NRT for nobody) on the first
 * start of the embedded default, as a carrier admin named {@value #SEED_ACTOR} so the history says who.
 * A carrier whose partnerships already have a history is left alone: a partner its admin withdrew in the
 * demo stays withdrawn after a restart.
 */
@Component
@Profile("embedded")
class DemoPartnerships implements ApplicationRunner {

    static final String SEED_ACTOR = "demo-seed";
    private static final Logger log = LoggerFactory.getLogger(DemoPartnerships.class);
    private static final List<DeclaredPair> DEMO = List.of(
            new DeclaredPair(new CarrierId("SWP"), new CarrierId("BLR")),
            new DeclaredPair(new CarrierId("BLR"), new CarrierId("SWP")));

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoPartnerships(CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DeclaredPair pair : DEMO) {
            if (!hasHistory(pair.carrier())) {
                Actor seed = Actor.carrierAdmin(SEED_ACTOR, pair.carrier());
                commands.sendAndWait(new DeclarePartner(pair.carrier(), pair.partner(),
                        new Provenance(seed, clock.instant(), null, null)));
                log.info("declared demo partnership: {} carries for {}", pair.partner(), pair.carrier());
            }
        }
    }

    private boolean hasHistory(CarrierId carrier) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND type = ?)", Boolean.class,
                carrier.code(), CarrierPartnerships.class.getSimpleName()));
    }

    private record DeclaredPair(CarrierId carrier, CarrierId partner) {
    }
}
