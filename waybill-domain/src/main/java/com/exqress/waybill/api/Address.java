package com.exqress.waybill.api;

/** A postal address; personal data, held only inside a {@link PersonalData} value object. */
public record Address(String line1, String line2, String city, String postalCode, String country) {

    static final Address ERASED_ADDRESS = new Address(PersonalData.ERASED, PersonalData.ERASED, PersonalData.ERASED,
            PersonalData.ERASED, PersonalData.ERASED);

    @Override
    public String toString() {
        return "Address" + PersonalData.REDACTED;
    }
}
