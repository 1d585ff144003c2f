package com.exqress.query.courier;

import com.exqress.platform.web.ApiProblem;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CustodianKind;

import java.util.List;

/** The three lists of a courier's work, each a condition on the read model's parcel rows. */
public enum CourierList {
    /** Parcels the courier holds, whichever carrier they belong to. */
    HELD("held", "holder_kind = ? AND holder_id = ?"),
    /** The carrier's parcels with a printed label, still with their senders, that the courier's hub picks up. */
    TO_PICK_UP("toPickUp", "carrier_id = ? AND status = ? AND reason IN (?, ?) AND origin_hub = ?"),
    /** The carrier's parcels that arrived at the courier's hub, their destination, and wait for the last mile. */
    TO_DELIVER("toDeliver", "carrier_id = ? AND destination_hub = ? AND holder_kind = ? AND holder_id = ? AND status = ?");

    // The reasons the projections give a parcel whose label is printed (ParcelProgress); a test checks them.
    public static final String LABEL_PRINTED = "LABEL_PRINTED";
    public static final String LABEL_REPRINTED = "LABEL_REPRINTED";

    private final String parameter;
    private final String condition;

    CourierList(String parameter, String condition) {
        this.parameter = parameter;
        this.condition = condition;
    }

    /** Query parameter {@code list}. */
    public static CourierList parse(String value) {
        for (CourierList list : values()) {
            if (list.parameter.equals(value)) {
                return list;
            }
        }
        throw ApiProblem.invalidField("list", "must be held, toPickUp or toDeliver");
    }

    /** Whether the list is about the courier's hub, and so empty for a courier posted at none. */
    boolean needsHub() {
        return this != HELD;
    }

    String condition() {
        return condition;
    }

    /** The values of {@link #condition()}'s parameters for this courier. */
    List<Object> parameters(Actor courier) {
        return switch (this) {
            case HELD -> List.of(CustodianKind.COURIER.name(), courier.id().value());
            case TO_PICK_UP -> List.of(courier.carrier().code(), TrackingStatus.INFO_RECEIVED.name(), LABEL_PRINTED,
                    LABEL_REPRINTED, courier.hub().value());
            case TO_DELIVER -> List.of(courier.carrier().code(), courier.hub().value(), CustodianKind.HUB.name(),
                    courier.hub().value(), TrackingStatus.IN_TRANSIT.name());
        };
    }
}
