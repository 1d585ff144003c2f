package com.exqress.command.label;

import com.exqress.label.LabelQrCodec;
import com.exqress.label.LabelRejectedException;
import com.exqress.label.LabelRejection;
import com.exqress.label.VerifiedLabel;
import com.exqress.waybill.CarrierNetwork;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.RevocationReason;
import com.exqress.waybill.api.Role;
import org.springframework.stereotype.Component;

/**
 * Resolves a scanned QR text to its waybill, in the documented order (docs/qr-format.md): shape, signature
 * and key first, with no database read, then the reference, whether the waybill's carrier signed it,
 * revocation and disposal. A caller who is not a carrier party of the waybill learns only LABEL_UNKNOWN from
 * the database steps, whatever the truth.
 */
@Component
public class LabelResolver {

    private final LabelQrCodec codec;
    private final LabelReferenceIndex index;
    private final WaybillLabelHistory history;
    private final CarrierNetwork network;
    private final LabelVerificationMetrics metrics;

    public LabelResolver(LabelQrCodec codec, LabelReferenceIndex index, WaybillLabelHistory history,
                         CarrierNetwork network, LabelVerificationMetrics metrics) {
        this.codec = codec;
        this.index = index;
        this.history = history;
        this.network = network;
        this.metrics = metrics;
    }

    public WaybillLabelFacts resolve(String qrText, Actor actor) {
        try {
            WaybillLabelFacts facts = verify(qrText, actor);
            metrics.valid();
            return facts;
        } catch (LabelRejectedException e) {
            metrics.rejected(e.rejection());
            throw e;
        }
    }

    private WaybillLabelFacts verify(String qrText, Actor actor) {
        VerifiedLabel label = codec.verify(qrText);
        WaybillLabelFacts facts = index.waybillOf(label.reference()).flatMap(history::factsOf)
                .orElseThrow(LabelResolver::unknown);
        if (!mayResolve(actor, facts)) {
            throw unknown();
        }
        // A carrier's keys sign only its own labels: another carrier's genuine signature on this reference
        // is not a label of this parcel.
        if (!label.signer().equals(facts.carrier())) {
            throw new LabelRejectedException(LabelRejection.LABEL_FORGED, "this label was not signed by its parcel's carrier");
        }
        RevocationReason revocation = facts.revocationOf(label.reference());
        if (revocation == RevocationReason.REPRINTED) {
            throw new LabelRejectedException(LabelRejection.LABEL_REVOKED, "this label was replaced by a reprint");
        }
        if (facts.disposed() || revocation == RevocationReason.DISPOSED) {
            throw new LabelRejectedException(LabelRejection.LABEL_DISPOSED, "this parcel's waybill was disposed of");
        }
        return facts;
    }

    /** Couriers and admins of the waybill's carrier or of a declared partner: the parties that carry it. */
    private boolean mayResolve(Actor actor, WaybillLabelFacts facts) {
        boolean carrierParty = actor.role() == Role.COURIER || actor.role() == Role.CARRIER_ADMIN;
        return carrierParty && actor.carrier() != null && network.mayCarryFor(actor.carrier(), facts.carrier());
    }

    private static LabelRejectedException unknown() {
        return new LabelRejectedException(LabelRejection.LABEL_UNKNOWN, "no parcel you handle carries this label");
    }
}
