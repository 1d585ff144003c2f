package com.exqress.command.retention;

import com.exqress.command.ConflictRetryingSender;
import com.exqress.command.retention.RetentionSchedule.DueWaybill;
import com.exqress.platform.schedule.PeriodicWork;
import com.exqress.waybill.WaybillRuleViolation;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.DisposalReason;
import com.exqress.waybill.api.Dispose;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.RequestKey;
import com.exqress.waybill.api.WaybillErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Every {@code exqress.retention.sweep-interval}, disposes of the waybills delivered longer ago than
 * {@code exqress.retention.after-delivery}, acting as their carrier's admin {@value #ACTOR}: the retention
 * policy is the carrier's. Every replica sweeps; the request key is the same for one waybill whoever sends
 * it, so when two replicas dispose of it at once the second gets the first one's outcome and no second
 * event. A waybill that fails stays on the schedule for the next sweep.
 */
@Component
public class RetentionSweeper extends PeriodicWork {

    static final String ACTOR = "retention-policy";
    private static final int BATCH_SIZE = 100;
    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    private final RetentionSchedule schedule;
    private final ConflictRetryingSender sender;
    private final Clock clock;
    private final RetentionProperties properties;

    public RetentionSweeper(RetentionSchedule schedule, ConflictRetryingSender sender, Clock clock,
                            RetentionProperties properties) {
        super("retention-sweeper", properties.sweepInterval());
        this.schedule = schedule;
        this.sender = sender;
        this.clock = clock;
        this.properties = properties;
    }

    /** Disposes of every waybill whose retention has expired; returns how many this sweep disposed of. */
    public int sweep() {
        Instant deliveredBefore = clock.instant().minus(properties.afterDelivery());
        int disposed = 0;
        DueWaybill last = null;
        List<DueWaybill> batch;
        do {
            // Paged past the last row seen, so waybills that keep failing cannot hold the sweep in a loop.
            batch = schedule.due(deliveredBefore, last, BATCH_SIZE);
            for (DueWaybill due : batch) {
                if (dispose(due)) {
                    disposed++;
                }
                last = due;
            }
        } while (batch.size() == BATCH_SIZE);
        if (disposed > 0) {
            log.info("disposed of {} waybills delivered more than {} ago", disposed, properties.afterDelivery());
        }
        return disposed;
    }

    private boolean dispose(DueWaybill due) {
        // One key per waybill: a retry, or another replica's sweep, is then the same request.
        RequestKey request = new RequestKey("retention-" + due.waybillId(), DisposalReason.RETENTION_EXPIRED.name());
        Provenance provenance = new Provenance(Actor.carrierAdmin(ACTOR, due.carrier()), clock.instant(), null, request);
        try {
            sender.send(new Dispose(due.waybillId(), DisposalReason.RETENTION_EXPIRED, provenance));
            schedule.forget(due.waybillId());
            return true;
        } catch (WaybillRuleViolation violation) {
            if (violation.code() == WaybillErrorCode.WAYBILL_DISPOSED) {
                // Disposed of otherwise, and this schedule has not yet seen that event.
                schedule.forget(due.waybillId());
            } else {
                log.warn("could not dispose of waybill {} at the end of its retention, will try again: {}",
                        due.waybillId(), violation.code());
            }
        } catch (RuntimeException e) {
            // Only the type: a message may carry personal data.
            log.warn("could not dispose of waybill {} at the end of its retention, will try again: {}",
                    due.waybillId(), e.getClass().getName());
        }
        return false;
    }

    @Override
    protected void runOnce() {
        sweep();
    }
}
