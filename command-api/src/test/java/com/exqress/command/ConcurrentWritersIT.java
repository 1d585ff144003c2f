package com.exqress.command;

import com.exqress.embedded.SharedPostgres;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.HandOff;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.PrintLabel;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.ServiceLevel;
import com.exqress.waybill.api.WaybillId;
import com.exqress.waybill.api.WaybillOutcome;
import com.exqress.waybill.api.WaybillStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-api instances (two application contexts, each with its own Axon configuration, its own
 * in-memory aggregate locks and its own connection pool) write to one waybill at once. The store's unique
 * (aggregate, sequence) key must let exactly one of two colliding writers win; the loser retries or is
 * refused, and either way no event is lost or duplicated.
 */
@ExtendWith(SharedPostgres.class)
class ConcurrentWritersIT {

    private static final Actor ADMIN = Actor.carrierAdmin("admin-swp", new CarrierId("SWP"));
    private static final int WRITERS_PER_INSTANCE = 2;
    private static final int MIN_PRINTS_PER_WRITER = 10;
    private static final int MAX_PRINTS_PER_WRITER = 150;

    private static ConfigurableApplicationContext retrying;
    private static ConfigurableApplicationContext refusing;

    @BeforeAll
    static void startTwoInstances() {
        retrying = instance("exqress.commands.max-attempts=10");
        refusing = instance("exqress.commands.max-attempts=1");
    }

    @AfterAll
    static void stopInstances() {
        retrying.close();
        refusing.close();
    }

    @Test
    void collidingWritersNeverShareASequenceNumberAndNoAcceptedCommandIsLost() throws Exception {
        WaybillId waybill = createWaybill();
        AtomicInteger refusedConflicts = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(2 * WRITERS_PER_INSTANCE);
        ExecutorService threads = Executors.newFixedThreadPool(2 * WRITERS_PER_INSTANCE);
        List<Future<Integer>> accepted = new ArrayList<>();
        for (int i = 0; i < WRITERS_PER_INSTANCE; i++) {
            accepted.add(threads.submit(() -> printRepeatedly(retrying, waybill, start, refusedConflicts)));
            accepted.add(threads.submit(() -> printRepeatedly(refusing, waybill, start, refusedConflicts)));
        }
        int acceptedPrints = 0;
        for (Future<Integer> writer : accepted) {
            acceptedPrints += writer.get();
        }
        threads.shutdown();

        JdbcTemplate jdbc = retrying.getBean(JdbcTemplate.class);
        List<Long> sequences = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, waybill.toString());
        long printed = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = 'com.exqress.waybill.api.LabelPrinted'", Long.class, waybill.toString());

        assertThat(conflictsSeenBy(retrying) + refusedConflicts.get())
                .as("the writers really collided").isPositive();
        assertThat(sequences).as("one gap-free stream: no sequence twice, none skipped")
                .containsExactlyElementsOf(LongStream.range(0, sequences.size()).boxed().toList());
        assertThat(printed).as("every accepted print is stored, every refused one is not").isEqualTo(acceptedPrints);
    }

    /**
     * Each instance caches the waybills it loaded. One that did not see the other's last event must not decide on the
     * state it cached: here it would refuse the hand-off of a parcel whose label it never saw printed.
     */
    @Test
    void anInstanceDecidesOnEventsAnotherInstanceAppendedAfterItCachedTheWaybill() {
        WaybillId waybill = createWaybill();
        refusing.getBean(ConflictRetryingSender.class).send(new PrintLabel(waybill, LabelReference.mint(new SecureRandom()),
                new Provenance(ADMIN, Instant.now(), null, null)));

        WaybillOutcome handedOff = retrying.getBean(ConflictRetryingSender.class).send(new HandOff(waybill,
                Custodian.courier(new ActorId("courier-swp-1"), new CarrierId("SWP")),
                new Provenance(ADMIN, Instant.now(), null, null)));

        assertThat(handedOff.status()).isEqualTo(WaybillStatus.IN_TRANSIT);
    }

    /** Prints until this writer saw the store refuse a colliding append, within bounds; returns prints accepted. */
    private static int printRepeatedly(ConfigurableApplicationContext instance, WaybillId waybill, CyclicBarrier start,
                                       AtomicInteger refusedConflicts) throws Exception {
        ConflictRetryingSender sender = instance.getBean(ConflictRetryingSender.class);
        SecureRandom random = new SecureRandom();
        start.await();
        int accepted = 0;
        for (int i = 0; i < MAX_PRINTS_PER_WRITER; i++) {
            if (i >= MIN_PRINTS_PER_WRITER && conflictsSeenBy(retrying) + refusedConflicts.get() > 0) {
                break;
            }
            try {
                sender.send(new PrintLabel(waybill, LabelReference.mint(random), new Provenance(ADMIN, Instant.now(), null, null)));
                accepted++;
            } catch (ConcurrencyException refused) {
                refusedConflicts.incrementAndGet();
            }
        }
        return accepted;
    }

    private static double conflictsSeenBy(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).counter("exqress.commands.conflicts").count();
    }

    private static WaybillId createWaybill() {
        WaybillDraft draft = new WaybillDraft(new CarrierId("SWP"), ServiceLevel.STANDARD,
                WaybillTestData.personalData(), WaybillTestData.parcel(), null,
                new Provenance(ADMIN, Instant.now(), null, null));
        return retrying.getBean(WaybillCreation.class).create(draft).waybillId();
    }

    private static ConfigurableApplicationContext instance(String property) {
        return new SpringApplicationBuilder(CommandApiApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("embedded")
                // As deployed apart from the embedded default: tokens would come from an OIDC provider.
                .properties(property, "spring.main.banner-mode=off",
                        "exqress.security.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json", "exqress.security.jwt.issuer=urn:test")
                .run();
    }
}
