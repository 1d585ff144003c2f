package com.exqress.waybill.api;

/** Personal fields of a delivery: who received the parcel and the courier's note. Both may be null. */
public record DeliveryPersonalData(String receivedBy, String note) implements PersonalData {

    static final DeliveryPersonalData ERASED_DATA = new DeliveryPersonalData(ERASED, ERASED);

    @Override
    public String toString() {
        return "DeliveryPersonalData" + REDACTED;
    }
}
