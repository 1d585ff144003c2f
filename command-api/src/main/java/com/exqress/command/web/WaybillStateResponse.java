package com.exqress.command.web;

import com.exqress.waybill.api.WaybillOutcome;

/**
 * The state a command left the waybill in. {@code labelReference} is only filled in for the caller who
 * printed the label: it is what goes into the QR code.
 */
public record WaybillStateResponse(String waybillId, String trackingNumber, String status, String labelReference) {

    static WaybillStateResponse of(WaybillOutcome outcome) {
        return new WaybillStateResponse(outcome.waybillId().toString(), outcome.trackingNumber().value(),
                outcome.status().name(), null);
    }

    static WaybillStateResponse withLabel(WaybillOutcome outcome) {
        return new WaybillStateResponse(outcome.waybillId().toString(), outcome.trackingNumber().value(),
                outcome.status().name(), outcome.activeLabel() == null ? null : outcome.activeLabel().value());
    }
}
