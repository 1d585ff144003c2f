package com.exqress.waybill;

import com.exqress.waybill.api.Address;
import com.exqress.waybill.api.Contact;
import com.exqress.waybill.api.DeliveryPersonalData;
import com.exqress.waybill.api.WaybillPersonalData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.exqress.waybill.WaybillFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A stray log line of a personal-data record, or of a message holding one, shows no personal data. */
class PersonalDataToStringTest {

    private static final List<String> PERSONAL_VALUES = List.of(
            SENDER_NAME, SENDER_PHONE, SENDER_EMAIL, SENDER_STREET,
            RECIPIENT_NAME, RECIPIENT_PHONE, RECIPIENT_EMAIL, RECIPIENT_STREET,
            NOTE, RECEIVED_BY, DELIVERY_NOTE);

    @Test
    void addressHidesTheStreet() {
        Address address = recipientAddress(SEOUL_POSTAL_CODE);

        assertShowsNoPersonalData(address);
    }

    @Test
    void contactHidesNamePhoneEmailAndAddress() {
        Contact contact = senderContact();

        assertShowsNoPersonalData(contact);
    }

    @Test
    void waybillPersonalDataHidesBothContactsAndTheNote() {
        WaybillPersonalData personalData = personalData();

        assertShowsNoPersonalData(personalData);
    }

    @Test
    void deliveryPersonalDataHidesReceiverAndNote() {
        DeliveryPersonalData personalData = deliveryPersonalData();

        assertShowsNoPersonalData(personalData);
    }

    @Test
    void createWaybillCommandShowsNoPersonalData() {
        assertShowsNoPersonalData(createWaybill(by(SENDER)));
    }

    @Test
    void waybillCreatedEventShowsNoPersonalData() {
        assertShowsNoPersonalData(created());
    }

    @Test
    void deliverCommandShowsNoPersonalData() {
        assertShowsNoPersonalData(deliver(by(COURIER_SWP_1)));
    }

    @Test
    void waybillDeliveredEventShowsNoPersonalData() {
        assertShowsNoPersonalData(delivered(by(COURIER_SWP_1)));
    }

    private static void assertShowsNoPersonalData(Object value) {
        String text = value.toString();
        for (String personal : PERSONAL_VALUES) {
            assertThat(text).as("toString() of " + value.getClass().getSimpleName()).doesNotContain(personal);
        }
        // Parts of the values count too: a surname or the house number and street on their own.
        assertThat(text).doesNotContain("Minji", "Jisoo", "Yuna", "Sejong-daero", "Haeundae-ro", "2345-6789",
                "9876-5432", "Gate 3");
    }
}
