package com.exqress.projections.readmodel;

import com.exqress.platform.eventstore.ProcessorPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Rebuilds the parcel read model from the event store while the old copy keeps serving: the idle copy is
 * emptied, its processor replays every event from the start, and once it is within
 * {@code exqress.projections.switch-lag} events of the store's head the serving views switch to it in one
 * update. Every replica {@link #reconcile reconciles} its processors with the shared state every few seconds
 * ({@link ReadModelReconciler}), so all of them run the serving copy, help with a rebuild, and let the old
 * copy go after a switch.
 */
@Component
public class ParcelRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ParcelRebuilds.class);

    private final ReadModelState state;
    private final ServingCopy serving;
    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final long switchLag;

    public ParcelRebuilds(ReadModelState state, ServingCopy serving, EventProcessingConfiguration processing,
                          ProcessorPositions positions, JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock,
                          @Value("${exqress.projections.switch-lag:50}") long switchLag) {
        this.state = state;
        this.serving = serving;
        this.processing = processing;
        this.positions = positions;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.switchLag = switchLag;
    }

    /**
     * Starts rebuilding the idle copy from the first event.
     *
     * @throws RebuildRefusedException when a rebuild is under way, or the idle copy is still held by a replica
     */
    public RebuildProgress rebuild() {
        ReadModelState.State current = state.current();
        if (current.rebuildingColor() != null) {
            throw new RebuildRefusedException("a rebuild is already under way");
        }
        ReadModelColor target = current.activeColor().other();
        processor(target).shutDown();
        transaction.executeWithoutResult(status -> {
            if (claimedSegments(target) > 0) {
                throw new RebuildRefusedException("another replica still releases the idle copy; try again in a few seconds");
            }
            new ParcelRows(new NamedParameterJdbcTemplate(jdbc), target).truncate();
            jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", target.processorName());
            if (!state.startRebuild(target, clock.instant(), head())) {
                throw new RebuildRefusedException("a rebuild is already under way");
            }
        });
        log.info("rebuilding the parcel read model into {} from the first event", target.schema());
        runProcessors(state.current());
        return progress();
    }

    public RebuildProgress progress() {
        ReadModelState.State current = state.current();
        long head = head();
        long servingLag = Math.max(0, head - position(current.activeColor()));
        if (current.rebuildingColor() == null) {
            return new RebuildProgress(current.activeColor(), servingLag, null, null, head, head, 0);
        }
        long position = position(current.rebuildingColor());
        return new RebuildProgress(current.activeColor(), servingLag, current.rebuildingColor(),
                current.rebuildStartedAt(), head, position, Math.max(0, head - position));
    }

    /** Events the serving copy has yet to process. */
    public long servingLag() {
        return Math.max(0, head() - position(state.current().activeColor()));
    }

    /** Brings this replica's processors in line with the shared state, and switches copies once a rebuild caught up. */
    public void reconcile() {
        ReadModelState.State current = state.current();
        runProcessors(current);
        ReadModelColor rebuilding = current.rebuildingColor();
        if (rebuilding != null && caughtUp(rebuilding) && state.switchTo(rebuilding)) {
            log.info("the parcel read model now serves from {}", rebuilding.schema());
            runProcessors(state.current());
        }
    }

    private void runProcessors(ReadModelState.State current) {
        serving.set(current.activeColor());
        for (ReadModelColor color : ReadModelColor.values()) {
            TrackingEventProcessor processor = processor(color);
            if (current.needsProcessor(color) && !processor.isRunning()) {
                processor.start();
            } else if (!current.needsProcessor(color) && processor.isRunning()) {
                processor.shutDown();
                log.info("stopped {}: its copy no longer serves", color.processorName());
            }
        }
    }

    private boolean caughtUp(ReadModelColor color) {
        List<TrackingToken> tokens = tokens(color);
        return tokens.size() == segments(color) && tokens.stream().allMatch(Objects::nonNull)
                && head() - position(tokens) <= switchLag;
    }

    private long position(ReadModelColor color) {
        return position(tokens(color));
    }

    /** How far every segment got: the lowest position, since each segment sees all events up to its token. */
    private static long position(List<TrackingToken> tokens) {
        return tokens.stream().mapToLong(token -> token == null ? 0 : token.position().orElse(0)).min().orElse(0);
    }

    private List<TrackingToken> tokens(ReadModelColor color) {
        return positions.tokens(color.processorName());
    }

    private int segments(ReadModelColor color) {
        return jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?", Integer.class,
                color.processorName());
    }

    private int claimedSegments(ReadModelColor color) {
        return jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL",
                Integer.class, color.processorName());
    }

    private long head() {
        return positions.head();
    }

    private TrackingEventProcessor processor(ReadModelColor color) {
        return processing.eventProcessor(color.processorName(), TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no event processor " + color.processorName()));
    }
}
