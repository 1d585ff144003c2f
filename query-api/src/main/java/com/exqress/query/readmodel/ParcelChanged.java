package com.exqress.query.readmodel;

import java.util.UUID;

/**
 * A parcel's read-model row changed.
 *
 * @param waybillId the parcel, or null when any parcel may have changed unseen (the listener was away)
 */
public record ParcelChanged(UUID waybillId) {

    public static final ParcelChanged ANY = new ParcelChanged(null);

    public boolean concerns(UUID waybill) {
        return waybillId == null || waybillId.equals(waybill);
    }
}
