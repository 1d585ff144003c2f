package com.exqress.command.label;

import com.exqress.label.LabelContent;
import com.exqress.label.LabelFormat;
import com.exqress.label.LabelQrCodec;
import com.exqress.label.LabelRejectedException;
import com.exqress.label.LabelRejection;
import com.exqress.label.LabelRenderers;
import com.exqress.platform.carrier.Carrier;
import com.exqress.platform.carrier.CarrierDirectory;
import com.exqress.platform.web.ApiProblem;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.WaybillId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Renders a waybill's current label for the parties that print or carry it: its sender, admins of its
 * carrier and that carrier's couriers. Everyone else is told the waybill does not exist.
 */
@Component
public class CurrentLabel {

    private final WaybillLabelHistory history;
    private final CarrierDirectory carriers;
    private final LabelQrCodec codec;

    public CurrentLabel(WaybillLabelHistory history, CarrierDirectory carriers, LabelQrCodec codec) {
        this.history = history;
        this.carriers = carriers;
        this.codec = codec;
    }

    public RenderedLabel render(WaybillId waybillId, Actor actor, LabelFormat format) {
        WaybillLabelFacts facts = history.factsOf(waybillId).filter(found -> mayFetch(actor, found))
                .orElseThrow(ApiProblem::waybillNotFound);
        if (facts.disposed()) {
            throw new LabelRejectedException(LabelRejection.LABEL_DISPOSED, "this waybill was disposed of; it has no label");
        }
        if (facts.activeLabel() == null) {
            throw new LabelRejectedException(LabelRejection.LABEL_UNKNOWN, "no label has been printed for this waybill yet");
        }
        Carrier carrier = carriers.carrier(facts.carrier());
        LabelContent content = new LabelContent(carrier.name(), facts.trackingNumber().value(),
                facts.routing().region() + " / " + facts.routing().destinationHub(), facts.service().name(),
                facts.parcel().weightGrams(), LocalDate.ofInstant(facts.activeLabelPrintedAt(), carrier.timeZone()),
                codec.encode(facts.carrier(), facts.activeLabel()));
        return new RenderedLabel(LabelRenderers.of(format).render(content), format,
                facts.trackingNumber().value() + "." + format.name().toLowerCase(Locale.ROOT));
    }

    private static boolean mayFetch(Actor actor, WaybillLabelFacts facts) {
        return switch (actor.role()) {
            case CUSTOMER -> actor.id().equals(facts.senderAccount());
            case COURIER, CARRIER_ADMIN -> facts.carrier().equals(actor.carrier());
            case PLATFORM_ADMIN, AUDITOR -> false;
        };
    }
}
