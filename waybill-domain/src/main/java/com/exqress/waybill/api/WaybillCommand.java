package com.exqress.waybill.api;

/** A command on one waybill; every one carries who sent it, when, where and under which request. */
public sealed interface WaybillCommand permits CreateWaybill, PrintLabel, HandOff, Deliver, Dispose, RecordScan {

    WaybillId waybillId();

    Provenance provenance();
}
