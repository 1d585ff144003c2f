package com.exqress.command.web;

import com.exqress.command.scan.CourierScans;
import com.exqress.waybill.api.Contact;
import com.exqress.waybill.api.PersonalData;
import com.exqress.waybill.api.PersonalField;
import com.exqress.waybill.api.Routing;

import java.util.Set;

/**
 * The answer to a scan: the parcel, its routing, and only the personal data the custody step needs —
 * {@code pickupFrom} at pickup, {@code deliverTo} for the last-mile courier — each field present only
 * when the aggregate recorded its disclosure.
 */
public record ScanResponse(String waybillId, String trackingNumber, String carrier, String action, String status,
                           RoutingView routing, ContactView pickupFrom, ContactView deliverTo) {

    public record RoutingView(String region, String destinationHub) {
    }

    public record AddressView(String line1, String line2, String city, String postalCode, String country) {

        @Override
        public String toString() {
            return "AddressView" + PersonalData.REDACTED;
        }
    }

    public record ContactView(String name, String phone, AddressView address) {

        @Override
        public String toString() {
            return "ContactView" + PersonalData.REDACTED;
        }
    }

    static ScanResponse of(CourierScans.Scanned scan) {
        Set<PersonalField> disclosed = scan.outcome().disclosed();
        Routing routing = scan.outcome().routing();
        ContactView pickupFrom = scan.disclosed() == null ? null : contact(scan.disclosed().sender(), disclosed,
                PersonalField.SENDER_NAME, PersonalField.SENDER_PHONE, PersonalField.SENDER_ADDRESS);
        ContactView deliverTo = scan.disclosed() == null ? null : contact(scan.disclosed().recipient(), disclosed,
                PersonalField.RECIPIENT_NAME, PersonalField.RECIPIENT_PHONE, PersonalField.RECIPIENT_ADDRESS);
        return new ScanResponse(scan.outcome().waybillId().toString(), scan.outcome().trackingNumber().value(),
                scan.label().carrier().code(), scan.action().name(), scan.outcome().status().name(),
                routing == null ? null : new RoutingView(routing.region(), routing.destinationHub().value()),
                pickupFrom, deliverTo);
    }

    private static ContactView contact(Contact contact, Set<PersonalField> disclosed, PersonalField name,
                                       PersonalField phone, PersonalField address) {
        if (!disclosed.contains(name) && !disclosed.contains(phone) && !disclosed.contains(address)) {
            return null;
        }
        return new ContactView(disclosed.contains(name) ? contact.name() : null,
                disclosed.contains(phone) ? contact.phone() : null,
                disclosed.contains(address) ? new AddressView(contact.address().line1(), contact.address().line2(),
                        contact.address().city(), contact.address().postalCode(), contact.address().country()) : null);
    }

    @Override
    public String toString() {
        return "ScanResponse[" + waybillId + ", " + action + ", " + status + "]";
    }
}
