package com.exqress.waybill.api;

/** The personal fields a scan may disclose, named so disclosures can be recorded without the data itself. */
public enum PersonalField {
    SENDER_NAME,
    SENDER_ADDRESS,
    SENDER_PHONE,
    RECIPIENT_NAME,
    RECIPIENT_ADDRESS,
    RECIPIENT_PHONE
}
