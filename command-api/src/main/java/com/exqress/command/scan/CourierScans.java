package com.exqress.command.scan;

import com.exqress.command.ConflictRetryingSender;
import com.exqress.command.label.LabelResolver;
import com.exqress.command.label.WaybillLabelFacts;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.RecordScan;
import com.exqress.waybill.api.ScanAction;
import com.exqress.waybill.api.WaybillOutcome;
import com.exqress.waybill.api.WaybillPersonalData;
import org.springframework.stereotype.Service;

import java.time.Instant;

/**
 * A courier's scan, in the order that keeps both a stolen phone and a forged label cheap to refuse: rate
 * limits, then the label (signature before any database read), then the custody step in the aggregate, which
 * decides and records what personal data this step may see. Only those fields are read back and returned.
 */
@Service
public class CourierScans {

    private final ScanRateLimiter rateLimiter;
    private final LabelResolver labels;
    private final ConflictRetryingSender sender;
    private final WaybillPersonalDataReader personalData;

    public CourierScans(ScanRateLimiter rateLimiter, LabelResolver labels, ConflictRetryingSender sender,
                        WaybillPersonalDataReader personalData) {
        this.rateLimiter = rateLimiter;
        this.labels = labels;
        this.sender = sender;
        this.personalData = personalData;
    }

    /** What one scan did and what the courier may see for the next step. */
    public record Scanned(ScanAction action, WaybillLabelFacts label, WaybillOutcome outcome, WaybillPersonalData disclosed) {
    }

    public Scanned scan(Actor actor, String device, String qr, ScanAction action, LocationCode hub, Instant deviceTime,
                        Provenance provenance) {
        rateLimiter.acquire(actor.id().value(), device);
        WaybillLabelFacts label = labels.resolve(qr, actor);
        WaybillOutcome outcome = sender.send(new RecordScan(label.waybillId(), action, hub, deviceTime, provenance));
        return new Scanned(action, label, outcome, outcome.disclosed().isEmpty() ? null : personalData.of(label.waybillId()));
    }
}
