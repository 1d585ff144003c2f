package com.exqress.waybill.api;

import java.util.Objects;

/** Every personal field a waybill is created with. {@code note} may be null. */
public record WaybillPersonalData(Contact sender, Contact recipient, String note) implements PersonalData {

    static final WaybillPersonalData ERASED_DATA = new WaybillPersonalData(Contact.ERASED_CONTACT, Contact.ERASED_CONTACT, ERASED);

    public WaybillPersonalData {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
    }

    @Override
    public String toString() {
        return "WaybillPersonalData" + REDACTED;
    }
}
