package com.exqress.projections.readmodel;

import com.exqress.platform.schedule.PeriodicWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Reconciles this replica's read-model processors with the shared state at start-up and then periodically. */
@Component
public class ReadModelReconciler extends PeriodicWork {

    private final ParcelRebuilds rebuilds;

    public ReadModelReconciler(ParcelRebuilds rebuilds,
                               @Value("${exqress.projections.reconcile-interval:PT2S}") Duration interval) {
        super("read-model-reconciler", interval);
        this.rebuilds = rebuilds;
    }

    /** At once, so the processors that should run are running when the service is ready. */
    @Override
    public void start() {
        rebuilds.reconcile();
        super.start();
    }

    @Override
    protected void runOnce() {
        rebuilds.reconcile();
    }
}
