package com.exqress.waybill;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.Address;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Contact;
import com.exqress.waybill.api.CreateWaybill;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.Deliver;
import com.exqress.waybill.api.DeliveryAttemptFailed;
import com.exqress.waybill.api.DeliveryMethod;
import com.exqress.waybill.api.DeliveryPersonalData;
import com.exqress.waybill.api.DeliveryProof;
import com.exqress.waybill.api.DisposalReason;
import com.exqress.waybill.api.Dispose;
import com.exqress.waybill.api.HandOff;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.LabelRevoked;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Parcel;
import com.exqress.waybill.api.ParcelReturned;
import com.exqress.waybill.api.ParcelScanned;
import com.exqress.waybill.api.PersonalDataDisclosed;
import com.exqress.waybill.api.PersonalField;
import com.exqress.waybill.api.PrintLabel;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.RecordScan;
import com.exqress.waybill.api.RequestKey;
import com.exqress.waybill.api.RevocationReason;
import com.exqress.waybill.api.Role;
import com.exqress.waybill.api.Routing;
import com.exqress.waybill.api.ScanAction;
import com.exqress.waybill.api.ServiceLevel;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillDelivered;
import com.exqress.waybill.api.WaybillDisposed;
import com.exqress.waybill.api.WaybillErrorCode;
import com.exqress.waybill.api.WaybillId;
import com.exqress.waybill.api.WaybillOutcome;
import com.exqress.waybill.api.WaybillPersonalData;
import com.exqress.waybill.api.WaybillStatus;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Shared test data for the waybill domain: actors, one waybill, command and event builders, an
 * in-memory {@link CarrierNetwork} and a matcher for rule violations.
 *
 * <p>Every event a command produces carries the command's {@link Provenance}; since provenance is a
 * record, an expected event built with {@code by(actor)} equals the one produced by a command built
 * with {@code by(actor)}.
 */
final class WaybillFixtures {

    private WaybillFixtures() {
    }

    // ---- carriers and hubs ----------------------------------------------------------------------

    static final CarrierId SWP = new CarrierId("SWP");
    static final CarrierId BLR = new CarrierId("BLR");
    static final CarrierId NRT = new CarrierId("NRT");
    /** Well-formed, but not on the platform. */
    static final CarrierId UNKNOWN = new CarrierId("XYZ");

    static final LocationCode SEL_01 = new LocationCode("SEL-01");
    static final LocationCode SEL_02 = new LocationCode("SEL-02");
    static final LocationCode BSN_01 = new LocationCode("BSN-01");
    static final LocationCode DJN_01 = new LocationCode("DJN-01");

    // ---- actors ---------------------------------------------------------------------------------

    static final Actor SENDER = Actor.customer("sender1");
    static final Actor RECIPIENT = Actor.customer("recipient1");
    /** A customer who is neither sender nor recipient of the waybill. */
    static final Actor STRANGER = Actor.customer("stranger1");
    static final Actor COURIER_SWP_1 = Actor.courier("courier-swp-1", SWP, SEL_01);
    static final Actor COURIER_SWP_2 = Actor.courier("courier-swp-2", SWP, BSN_01);
    static final Actor COURIER_BLR_1 = Actor.courier("courier-blr-1", BLR, SEL_02);
    static final Actor COURIER_NRT_1 = Actor.courier("courier-nrt-1", NRT, DJN_01);
    static final Actor ADMIN_SWP = Actor.carrierAdmin("admin-swp", SWP);
    static final Actor ADMIN_NRT = Actor.carrierAdmin("admin-nrt", NRT);
    /** The carrier's retention policy, which command-api's retention sweep acts as. */
    static final Actor RETENTION_POLICY_SWP = Actor.carrierAdmin("retention-policy", SWP);
    static final Actor AUDITOR = new Actor(new ActorId("auditor"), Role.AUDITOR, null, null);
    static final Actor PLATFORM_ADMIN = new Actor(new ActorId("platform-admin"), Role.PLATFORM_ADMIN, null, null);

    static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");
    /** The scanning device's clock, a little behind the server's. */
    static final Instant DEVICE_TIME = Instant.parse("2026-03-02T09:29:55Z");

    // ---- the waybill ----------------------------------------------------------------------------

    static final WaybillId WAYBILL_ID = new WaybillId(UUID.fromString("6f1c2a9e-3b4d-4e8f-9a10-2b3c4d5e6f70"));
    static final TrackingNumber TRACKING_NUMBER = new TrackingNumber("SWP48271639501");
    static final Parcel PARCEL = new Parcel(1200, 30, 20, 10);
    static final ServiceLevel SERVICE = ServiceLevel.STANDARD;

    /** Routed by {@link InMemoryCarrierNetwork}: "0…" goes to Seoul, "4…" to Busan, anything else nowhere. */
    static final String SEOUL_POSTAL_CODE = "04524";
    static final String BUSAN_POSTAL_CODE = "48058";
    static final String UNROUTABLE_POSTAL_CODE = "99999";
    static final Routing SEOUL = new Routing("SEL", SEL_01);
    static final Routing BUSAN = new Routing("BSN", BSN_01);

    static final LabelReference REF_1 = new LabelReference("11111111111111111111111111111111");
    static final LabelReference REF_2 = new LabelReference("22222222222222222222222222222222");
    static final LabelReference REF_3 = new LabelReference("33333333333333333333333333333333");

    // ---- personal data (values the toString tests look for) ------------------------------------

    static final String SENDER_NAME = "Kim Minji";
    static final String SENDER_PHONE = "+82-10-2345-6789";
    static final String SENDER_EMAIL = "minji.kim@example.com";
    static final String SENDER_STREET = "12 Sejong-daero";
    static final String RECIPIENT_NAME = "Park Jisoo";
    static final String RECIPIENT_PHONE = "+82-10-9876-5432";
    static final String RECIPIENT_EMAIL = "jisoo.park@example.com";
    static final String RECIPIENT_STREET = "77 Haeundae-ro";
    static final String NOTE = "Leave with the guard at Gate 3";
    static final String RECEIVED_BY = "Choi Yuna";
    static final String DELIVERY_NOTE = "Handed to Choi Yuna, neighbour at 77 Haeundae-ro";

    static Address senderAddress() {
        return new Address(SENDER_STREET, "Apt 301", "Seoul", "03172", "KR");
    }

    static Address recipientAddress(String postalCode) {
        return new Address(RECIPIENT_STREET, "Unit 5", "Seoul", postalCode, "KR");
    }

    static Contact senderContact() {
        return new Contact(SENDER_NAME, SENDER_PHONE, SENDER_EMAIL, senderAddress());
    }

    static Contact recipientContact(String postalCode) {
        return new Contact(RECIPIENT_NAME, RECIPIENT_PHONE, RECIPIENT_EMAIL, recipientAddress(postalCode));
    }

    static WaybillPersonalData personalData() {
        return personalData(SEOUL_POSTAL_CODE);
    }

    static WaybillPersonalData personalData(String recipientPostalCode) {
        return new WaybillPersonalData(senderContact(), recipientContact(recipientPostalCode), NOTE);
    }

    static DeliveryPersonalData deliveryPersonalData() {
        return new DeliveryPersonalData(RECEIVED_BY, DELIVERY_NOTE);
    }

    static final DeliveryProof PROOF = new DeliveryProof(null, "photo-7f3a", null);

    /** What a pickup scan discloses to the courier. */
    static final Set<PersonalField> SENDER_FIELDS =
            Set.of(PersonalField.SENDER_NAME, PersonalField.SENDER_ADDRESS, PersonalField.SENDER_PHONE);
    /** What out-for-delivery, failed-delivery and delivered scans disclose to the last-mile courier. */
    static final Set<PersonalField> RECIPIENT_FIELDS =
            Set.of(PersonalField.RECIPIENT_NAME, PersonalField.RECIPIENT_ADDRESS, PersonalField.RECIPIENT_PHONE);

    // ---- provenance and custodians --------------------------------------------------------------

    /** Provenance without an idempotency key. */
    static Provenance by(Actor actor) {
        return new Provenance(actor, AT, null, null);
    }

    /** Provenance under a client request: the same key and fingerprint make a retry. */
    static Provenance by(Actor actor, String idempotencyKey, String fingerprint) {
        return new Provenance(actor, AT, null, new RequestKey(idempotencyKey, fingerprint));
    }

    /** The same client request sent again a little later: same actor, key and fingerprint. */
    static Provenance retryOf(Provenance first) {
        return new Provenance(first.actor(), first.at().plusSeconds(30), first.location(), first.request());
    }

    static Custodian senderCustody() {
        return new Custodian(CustodianKind.SENDER, SENDER.id().value(), null);
    }

    static Custodian deskCustody(CarrierId carrier) {
        return new Custodian(CustodianKind.CARRIER_DESK, carrier.code(), carrier);
    }

    static Custodian courierCustody(Actor courier) {
        return Custodian.courier(courier.id(), courier.carrier());
    }

    static Custodian hubCustody(LocationCode hub, CarrierId carrier) {
        return Custodian.hub(hub, carrier);
    }

    static WaybillOutcome outcome(WaybillStatus status, LabelReference activeLabel) {
        return new WaybillOutcome(WAYBILL_ID, TRACKING_NUMBER, status, activeLabel, SEOUL, java.util.Set.of());
    }

    static WaybillOutcome outcome(WaybillStatus status, LabelReference activeLabel, Routing routing,
                                  Set<PersonalField> disclosed) {
        return new WaybillOutcome(WAYBILL_ID, TRACKING_NUMBER, status, activeLabel, routing, disclosed);
    }

    /** The outcome of a step on the Busan waybill (label REF_1), with the fields that step disclosed. */
    static WaybillOutcome busanOutcome(WaybillStatus status, Set<PersonalField> disclosed) {
        return outcome(status, REF_1, BUSAN, disclosed);
    }

    /** The outcome of a step on the Seoul waybill (label REF_1), with the fields that step disclosed. */
    static WaybillOutcome seoulOutcome(WaybillStatus status, Set<PersonalField> disclosed) {
        return outcome(status, REF_1, SEOUL, disclosed);
    }

    // ---- commands -------------------------------------------------------------------------------

    static CreateWaybill createWaybill(Provenance provenance) {
        return createWaybill(SWP, SEOUL_POSTAL_CODE, provenance);
    }

    static CreateWaybill createWaybill(CarrierId carrier, String recipientPostalCode, Provenance provenance) {
        TrackingNumber trackingNumber = carrier.equals(SWP) ? TRACKING_NUMBER
                : TrackingNumber.generate(carrier, new java.util.Random(1));
        return new CreateWaybill(WAYBILL_ID, trackingNumber, carrier, SERVICE, personalData(recipientPostalCode),
                PARCEL, RECIPIENT.id(), provenance);
    }

    static PrintLabel printLabel(LabelReference newReference, Provenance provenance) {
        return new PrintLabel(WAYBILL_ID, newReference, provenance);
    }

    static HandOff handOff(Custodian to, Provenance provenance) {
        return new HandOff(WAYBILL_ID, to, provenance);
    }

    static Deliver deliver(Provenance provenance) {
        return new Deliver(WAYBILL_ID, DeliveryMethod.TO_RECIPIENT, PROOF, deliveryPersonalData(), provenance);
    }

    static Dispose dispose(DisposalReason reason, Provenance provenance) {
        return new Dispose(WAYBILL_ID, reason, provenance);
    }

    /** A scan read at {@code hub} (null away from a hub) at {@link #DEVICE_TIME}. */
    static RecordScan recordScan(ScanAction action, LocationCode hub, Provenance provenance) {
        return new RecordScan(WAYBILL_ID, action, hub, DEVICE_TIME, provenance);
    }

    /** A scan away from any hub. */
    static RecordScan recordScan(ScanAction action, Provenance provenance) {
        return recordScan(action, null, provenance);
    }

    // ---- events ---------------------------------------------------------------------------------

    /** The waybill as the sender creates it: SWP, routed to Seoul, held by the sender. */
    static WaybillCreated created() {
        return created(by(SENDER));
    }

    static WaybillCreated created(Provenance provenance) {
        return created(SEOUL_POSTAL_CODE, SEOUL, provenance);
    }

    static WaybillCreated created(String recipientPostalCode, Routing routing, Provenance provenance) {
        Actor creator = provenance.actor();
        boolean customer = creator.role() == Role.CUSTOMER;
        return new WaybillCreated(WAYBILL_ID, TRACKING_NUMBER, SWP, SERVICE, routing, SEL_01, PARCEL,
                personalData(recipientPostalCode), customer ? creator.id() : null, RECIPIENT.id(),
                customer ? senderCustody() : deskCustody(SWP), provenance);
    }

    /** The waybill as SWP's carrier admin creates it: no sender account, held at the SWP desk. */
    static WaybillCreated createdByAdmin() {
        return created(by(ADMIN_SWP));
    }

    static LabelPrinted printed(LabelReference reference, int printNumber) {
        return printed(reference, printNumber, by(SENDER));
    }

    static LabelPrinted printed(LabelReference reference, int printNumber, Provenance provenance) {
        return new LabelPrinted(WAYBILL_ID, reference, printNumber, provenance);
    }

    static LabelRevoked revoked(LabelReference reference, RevocationReason reason, Provenance provenance) {
        return new LabelRevoked(WAYBILL_ID, reference, reason, provenance);
    }

    static CustodyTransferred transferred(Custodian from, Custodian to, Provenance provenance) {
        return new CustodyTransferred(WAYBILL_ID, from, to, provenance);
    }

    static WaybillDelivered delivered(Provenance provenance) {
        return new WaybillDelivered(WAYBILL_ID, DeliveryMethod.TO_RECIPIENT, PROOF, deliveryPersonalData(), provenance);
    }

    static WaybillDisposed disposed(DisposalReason reason, Provenance provenance) {
        return new WaybillDisposed(WAYBILL_ID, reason, provenance);
    }

    static ParcelScanned scanned(ScanAction action, LocationCode hub, Provenance provenance) {
        return new ParcelScanned(WAYBILL_ID, action, hub, DEVICE_TIME, provenance);
    }

    static PersonalDataDisclosed disclosed(Set<PersonalField> fields, ScanAction purpose, Provenance provenance) {
        return new PersonalDataDisclosed(WAYBILL_ID, fields, purpose, provenance);
    }

    static DeliveryAttemptFailed attemptFailed(Provenance provenance) {
        return new DeliveryAttemptFailed(WAYBILL_ID, provenance);
    }

    static ParcelReturned returned(Provenance provenance) {
        return new ParcelReturned(WAYBILL_ID, provenance);
    }

    /** A delivery recorded by a DELIVERED scan: to the recipient, with no proof or personal note. */
    static WaybillDelivered deliveredByScan(Provenance provenance) {
        return new WaybillDelivered(WAYBILL_ID, DeliveryMethod.TO_RECIPIENT, new DeliveryProof(null, null, null),
                new DeliveryPersonalData(null, null), provenance);
    }

    // ---- what each accepted scan emits, in order -------------------------------------------------

    /** PICKUP away from a hub: the scanning courier takes the parcel from {@code from} and sees the sender. */
    static Object[] pickupEvents(Custodian from, Provenance provenance) {
        return new Object[] {
                scanned(ScanAction.PICKUP, null, provenance),
                transferred(from, courierCustody(provenance.actor()), provenance),
                disclosed(SENDER_FIELDS, ScanAction.PICKUP, provenance)
        };
    }

    /** HUB_ARRIVAL at the scanning courier's hub: the hub takes the parcel from {@code from}. */
    static Object[] arrivalEvents(Custodian from, Provenance provenance) {
        LocationCode hub = provenance.actor().hub();
        return new Object[] {
                scanned(ScanAction.HUB_ARRIVAL, hub, provenance),
                transferred(from, hubCustody(hub, provenance.actor().carrier()), provenance)
        };
    }

    /** HUB_DEPARTURE from the scanning courier's hub: a scan and nothing else. */
    static Object[] departureEvents(Provenance provenance) {
        return new Object[] {scanned(ScanAction.HUB_DEPARTURE, provenance.actor().hub(), provenance)};
    }

    /** OUT_FOR_DELIVERY away from a hub, taking the parcel from {@code from}; null when the courier holds it. */
    static Object[] outForDeliveryEvents(Custodian from, Provenance provenance) {
        if (from == null) {
            return new Object[] {
                    scanned(ScanAction.OUT_FOR_DELIVERY, null, provenance),
                    disclosed(RECIPIENT_FIELDS, ScanAction.OUT_FOR_DELIVERY, provenance)
            };
        }
        return new Object[] {
                scanned(ScanAction.OUT_FOR_DELIVERY, null, provenance),
                transferred(from, courierCustody(provenance.actor()), provenance),
                disclosed(RECIPIENT_FIELDS, ScanAction.OUT_FOR_DELIVERY, provenance)
        };
    }

    static Object[] deliveryFailedEvents(Provenance provenance) {
        return new Object[] {
                scanned(ScanAction.DELIVERY_FAILED, null, provenance),
                attemptFailed(provenance),
                disclosed(RECIPIENT_FIELDS, ScanAction.DELIVERY_FAILED, provenance)
        };
    }

    static Object[] deliveredScanEvents(Provenance provenance) {
        return new Object[] {
                scanned(ScanAction.DELIVERED, null, provenance),
                deliveredByScan(provenance),
                disclosed(RECIPIENT_FIELDS, ScanAction.DELIVERED, provenance)
        };
    }

    /** RETURNED away from a hub: custody goes from {@code from} back to {@code origin}. */
    static Object[] returnEvents(Custodian from, Custodian origin, Provenance provenance) {
        return new Object[] {
                scanned(ScanAction.RETURNED, null, provenance),
                transferred(from, origin, provenance),
                returned(provenance)
        };
    }

    // ---- histories ------------------------------------------------------------------------------

    /** Created and printed by the sender, then handed by the sender to courier-swp-1. */
    static Object[] inCourierSwp1Hands() {
        return new Object[] {
                created(),
                printed(REF_1, 1),
                transferred(senderCustody(), courierCustody(COURIER_SWP_1), by(SENDER))
        };
    }

    /** {@link #inCourierSwp1Hands()}, then delivered by courier-swp-1. */
    static Object[] deliveredByCourierSwp1() {
        return new Object[] {
                created(),
                printed(REF_1, 1),
                transferred(senderCustody(), courierCustody(COURIER_SWP_1), by(SENDER)),
                delivered(by(COURIER_SWP_1))
        };
    }

    /** Created and printed by the sender, then disposed of by SWP's admin as lost. */
    static Object[] disposedAsLost() {
        return new Object[] {
                created(),
                printed(REF_1, 1),
                revoked(REF_1, RevocationReason.DISPOSED, by(ADMIN_SWP)),
                disposed(DisposalReason.LOST, by(ADMIN_SWP))
        };
    }

    /** Events in order, one or more groups of them. */
    static Object[] history(Object[] first, Object[]... more) {
        Object[] all = first;
        for (Object[] next : more) {
            all = Arrays.copyOf(all, all.length + next.length);
            System.arraycopy(next, 0, all, all.length - next.length, next.length);
        }
        return all;
    }

    // ---- the Busan journey by scans: courier-swp-1 (SEL-01) picks up, courier-swp-2 (BSN-01) delivers --

    /** Created by the sender for a Busan recipient (destination hub BSN-01), label REF_1 printed. */
    static Object[] busanPrinted() {
        return new Object[] {created(BUSAN_POSTAL_CODE, BUSAN, by(SENDER)), printed(REF_1, 1)};
    }

    /** {@link #busanPrinted()}, then picked up by courier-swp-1. */
    static Object[] busanPickedUpBySwp1() {
        return history(busanPrinted(), pickupEvents(senderCustody(), by(COURIER_SWP_1)));
    }

    /** {@link #busanPickedUpBySwp1()}, then scanned in at hub BSN-01 by courier-swp-2, who works there. */
    static Object[] busanAtBsn01() {
        return history(busanPickedUpBySwp1(), arrivalEvents(courierCustody(COURIER_SWP_1), by(COURIER_SWP_2)));
    }

    /** {@link #busanAtBsn01()}, then taken out for delivery by courier-swp-2. */
    static Object[] busanOutForDeliveryWithSwp2() {
        return history(busanAtBsn01(), outForDeliveryEvents(hubCustody(BSN_01, SWP), by(COURIER_SWP_2)));
    }

    /** {@link #busanOutForDeliveryWithSwp2()}, then courier-swp-2 could not deliver. */
    static Object[] busanDeliveryFailedWithSwp2() {
        return history(busanOutForDeliveryWithSwp2(), deliveryFailedEvents(by(COURIER_SWP_2)));
    }

    /** {@link #busanOutForDeliveryWithSwp2()}, then delivered by courier-swp-2's scan. */
    static Object[] busanDeliveredByScan() {
        return history(busanOutForDeliveryWithSwp2(), deliveredScanEvents(by(COURIER_SWP_2)));
    }

    /** {@link #busanAtBsn01()}, then returned by courier-swp-2 from the hub to the sender. */
    static Object[] busanReturnedToSender() {
        return history(busanAtBsn01(), returnEvents(hubCustody(BSN_01, SWP), senderCustody(), by(COURIER_SWP_2)));
    }

    // ---- carrier network ------------------------------------------------------------------------

    static CarrierNetwork carrierNetwork() {
        return new InMemoryCarrierNetwork();
    }

    /**
     * SWP, BLR and NRT are on the platform; SWP and BLR carry for each other, NRT for nobody but
     * itself. Every known carrier routes "0…" to Seoul (SEL-01) and "4…" to Busan (BSN-01).
     */
    static final class InMemoryCarrierNetwork implements CarrierNetwork {

        private static final Set<CarrierId> KNOWN = Set.of(SWP, BLR, NRT);
        private static final Map<CarrierId, Set<CarrierId>> PARTNERS = Map.of(
                SWP, Set.of(BLR),
                BLR, Set.of(SWP),
                NRT, Set.of());

        @Override
        public boolean isKnown(CarrierId carrier) {
            return KNOWN.contains(carrier);
        }

        @Override
        public boolean mayCarryFor(CarrierId other, CarrierId owner) {
            if (!isKnown(other) || !isKnown(owner)) {
                return false;
            }
            return other.equals(owner) || PARTNERS.get(owner).contains(other);
        }

        @Override
        public Optional<Routing> route(CarrierId carrier, String postalCode) {
            if (!isKnown(carrier) || postalCode == null) {
                return Optional.empty();
            }
            if (postalCode.startsWith("0")) {
                return Optional.of(SEOUL);
            }
            if (postalCode.startsWith("4")) {
                return Optional.of(BUSAN);
            }
            return Optional.empty();
        }
    }

    // ---- matchers -------------------------------------------------------------------------------

    /** Matches a {@link WaybillRuleViolation} carrying {@code code}. */
    static Matcher<WaybillRuleViolation> violation(WaybillErrorCode code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(WaybillRuleViolation item, Description mismatch) {
                if (item.code() != code) {
                    mismatch.appendText("a WaybillRuleViolation with code ").appendValue(item.code())
                            .appendText(" (\"").appendText(item.getMessage()).appendText("\")");
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a WaybillRuleViolation with code ").appendValue(code);
            }
        };
    }
}
