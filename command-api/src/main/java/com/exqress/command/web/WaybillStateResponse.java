package com.exqress.command.web;

import com.exqress.label.LabelQrCodec;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.WaybillOutcome;

/**
 * The state a command left the waybill in. {@code labelReference} and {@code qrText} are only filled in for
 * the caller who printed the label: the reference and the signed text of its QR code (docs/qr-format.md),
 * for printers that render labels themselves.
 */
public record WaybillStateResponse(String waybillId, String trackingNumber, String status, String labelReference,
                                   String qrText) {

    static WaybillStateResponse of(WaybillOutcome outcome) {
        return new WaybillStateResponse(outcome.waybillId().toString(), outcome.trackingNumber().value(),
                outcome.status().name(), null, null);
    }

    static WaybillStateResponse withLabel(WaybillOutcome outcome, LabelQrCodec codec) {
        LabelReference label = outcome.activeLabel();
        return new WaybillStateResponse(outcome.waybillId().toString(), outcome.trackingNumber().value(),
                outcome.status().name(), label == null ? null : label.value(), label == null ? null : codec.encode(label));
    }
}
