package com.exqress.command.label;

import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.LabelRevoked;
import com.exqress.waybill.api.Parcel;
import com.exqress.waybill.api.RevocationReason;
import com.exqress.waybill.api.Routing;
import com.exqress.waybill.api.ServiceLevel;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillDisposed;
import com.exqress.waybill.api.WaybillId;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What labels need to know about one waybill, folded from its events: what to print, which reference is
 * current and why earlier ones stopped resolving. Holds no personal data.
 */
public final class WaybillLabelFacts {

    /** The events {@link #apply} takes anything from; every other event of a waybill leaves its label facts alone. */
    private static final Set<Class<?>> FOLDED = Set.of(WaybillCreated.class, LabelPrinted.class, LabelRevoked.class,
            WaybillDisposed.class);

    private WaybillId waybillId;
    private TrackingNumber trackingNumber;
    private CarrierId carrier;
    private ServiceLevel service;
    private Routing routing;
    private Parcel parcel;
    private ActorId senderAccount;
    private LabelReference activeLabel;
    private Instant activeLabelPrintedAt;
    private boolean disposed;
    private final Map<LabelReference, RevocationReason> revoked = new HashMap<>();

    private WaybillLabelFacts() {
    }

    /** Folds a waybill's events, oldest first; the first one is its WaybillCreated. */
    public static WaybillLabelFacts of(List<?> events) {
        WaybillLabelFacts facts = new WaybillLabelFacts();
        events.forEach(facts::apply);
        if (facts.waybillId == null) {
            throw new IllegalArgumentException("a waybill's history starts with WaybillCreated");
        }
        return facts;
    }

    /** Whether events of this type change a waybill's label facts, so that a reader of its history needs them. */
    public static boolean folds(Class<?> eventType) {
        return FOLDED.contains(eventType);
    }

    private void apply(Object event) {
        if (event instanceof WaybillCreated created) {
            waybillId = created.waybillId();
            trackingNumber = created.trackingNumber();
            carrier = created.carrier();
            service = created.service();
            routing = created.routing();
            parcel = created.parcel();
            senderAccount = created.senderAccount();
        } else if (event instanceof LabelPrinted printed) {
            activeLabel = printed.reference();
            activeLabelPrintedAt = printed.provenance().at();
        } else if (event instanceof LabelRevoked revocation) {
            revoked.put(revocation.reference(), revocation.reason());
            if (revocation.reference().equals(activeLabel)) {
                activeLabel = null;
                activeLabelPrintedAt = null;
            }
        } else if (event instanceof WaybillDisposed) {
            disposed = true;
        }
    }

    public WaybillId waybillId() {
        return waybillId;
    }

    public TrackingNumber trackingNumber() {
        return trackingNumber;
    }

    public CarrierId carrier() {
        return carrier;
    }

    public ServiceLevel service() {
        return service;
    }

    public Routing routing() {
        return routing;
    }

    public Parcel parcel() {
        return parcel;
    }

    public ActorId senderAccount() {
        return senderAccount;
    }

    /** The reference on the label currently in circulation, or null. */
    public LabelReference activeLabel() {
        return activeLabel;
    }

    public Instant activeLabelPrintedAt() {
        return activeLabelPrintedAt;
    }

    public boolean disposed() {
        return disposed;
    }

    /** Why a reference stopped resolving, or null if it did not. */
    public RevocationReason revocationOf(LabelReference reference) {
        return revoked.get(reference);
    }
}
