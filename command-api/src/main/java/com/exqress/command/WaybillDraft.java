package com.exqress.command;

import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.CreateWaybill;
import com.exqress.waybill.api.Parcel;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.ServiceLevel;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.WaybillId;
import com.exqress.waybill.api.WaybillPersonalData;

/** A create request before the waybill has its id and tracking number. */
public record WaybillDraft(CarrierId carrier, ServiceLevel service, WaybillPersonalData personalData, Parcel parcel,
                           ActorId recipientAccount, Provenance provenance) {

    CreateWaybill toCommand(WaybillId waybillId, TrackingNumber trackingNumber) {
        return new CreateWaybill(waybillId, trackingNumber, carrier, service, personalData, parcel, recipientAccount,
                provenance);
    }
}
