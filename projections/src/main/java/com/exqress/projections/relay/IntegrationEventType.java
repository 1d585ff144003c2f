package com.exqress.projections.relay;

import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.DeliveryAttemptFailed;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelRevoked;
import com.exqress.waybill.api.ParcelReturned;
import com.exqress.waybill.api.ParcelScanned;
import com.exqress.waybill.api.PersonalDataDisclosed;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillDelivered;
import com.exqress.waybill.api.WaybillDisposed;
import com.exqress.waybill.api.WaybillEvent;

/**
 * The {@code type} of an integration event: which waybill event it reports. Named here, not derived from the
 * Java class name, so that renaming a domain event cannot change the published vocabulary.
 */
public enum IntegrationEventType {
    WAYBILL_CREATED(WaybillCreated.class),
    LABEL_PRINTED(LabelPrinted.class),
    LABEL_REVOKED(LabelRevoked.class),
    PARCEL_SCANNED(ParcelScanned.class),
    CUSTODY_TRANSFERRED(CustodyTransferred.class),
    DELIVERY_ATTEMPT_FAILED(DeliveryAttemptFailed.class),
    WAYBILL_DELIVERED(WaybillDelivered.class),
    PARCEL_RETURNED(ParcelReturned.class),
    WAYBILL_DISPOSED(WaybillDisposed.class),
    PERSONAL_DATA_DISCLOSED(PersonalDataDisclosed.class);

    private final Class<? extends WaybillEvent> eventClass;

    IntegrationEventType(Class<? extends WaybillEvent> eventClass) {
        this.eventClass = eventClass;
    }

    public static IntegrationEventType of(Class<? extends WaybillEvent> eventClass) {
        for (IntegrationEventType type : values()) {
            if (type.eventClass == eventClass) {
                return type;
            }
        }
        throw new IllegalArgumentException("no integration event type for " + eventClass.getSimpleName());
    }
}
