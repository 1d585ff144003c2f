package com.exqress.waybill.api;

/** A sender or recipient; personal data, held only inside a {@link PersonalData} value object. */
public record Contact(String name, String phone, String email, Address address) {

    static final Contact ERASED_CONTACT = new Contact(PersonalData.ERASED, PersonalData.ERASED, PersonalData.ERASED,
            Address.ERASED_ADDRESS);

    @Override
    public String toString() {
        return "Contact" + PersonalData.REDACTED;
    }
}
