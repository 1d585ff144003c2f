package com.exqress.waybill.api;

/** Everything that can happen to a waybill, each with its provenance. */
public sealed interface WaybillEvent
        permits WaybillCreated, LabelPrinted, LabelRevoked, CustodyTransferred, WaybillDelivered, WaybillDisposed,
        ParcelScanned, DeliveryAttemptFailed, ParcelReturned, PersonalDataDisclosed {

    WaybillId waybillId();

    Provenance provenance();
}
