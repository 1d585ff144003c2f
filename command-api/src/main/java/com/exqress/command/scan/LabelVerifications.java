package com.exqress.command.scan;

import com.exqress.command.label.LabelResolver;
import com.exqress.command.label.WaybillLabelFacts;
import com.exqress.waybill.api.Actor;
import org.springframework.stereotype.Service;

/**
 * A label checked without a custody step ({@code POST /labels/verifications}). It resolves a label just as a scan
 * does, so it takes from the same per-courier allowance: otherwise a token probing labels would go round the scan
 * limit through this endpoint.
 */
@Service
public class LabelVerifications {

    private final ScanRateLimiter rateLimiter;
    private final LabelResolver labels;

    public LabelVerifications(ScanRateLimiter rateLimiter, LabelResolver labels) {
        this.rateLimiter = rateLimiter;
        this.labels = labels;
    }

    public WaybillLabelFacts verify(Actor actor, String qr) {
        rateLimiter.acquire(actor.id().value(), null);
        return labels.resolve(qr, actor);
    }
}
