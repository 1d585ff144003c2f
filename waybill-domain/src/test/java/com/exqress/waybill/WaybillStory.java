package com.exqress.waybill;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.Address;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Contact;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.DeliveryMethod;
import com.exqress.waybill.api.DeliveryPersonalData;
import com.exqress.waybill.api.DeliveryProof;
import com.exqress.waybill.api.DisposalReason;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.LabelRevoked;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Parcel;
import com.exqress.waybill.api.ParcelScanned;
import com.exqress.waybill.api.PersonalDataDisclosed;
import com.exqress.waybill.api.PersonalField;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.RevocationReason;
import com.exqress.waybill.api.Routing;
import com.exqress.waybill.api.ScanAction;
import com.exqress.waybill.api.ServiceLevel;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillDelivered;
import com.exqress.waybill.api.WaybillDisposed;
import com.exqress.waybill.api.WaybillEvent;
import com.exqress.waybill.api.WaybillId;
import com.exqress.waybill.api.WaybillPersonalData;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A scripted parcel lifecycle as the command side records it, with personal data distinctive enough to
 * search for in anything the projections write: sender1 sends from Seoul to recipient1 in Busan with SWP,
 * courier-swp-1 picks it up, hub BSN-01 receives it, courier-swp-2 delivers it, the recipient disposes.
 */
public final class WaybillStory {

    public static final List<String> PERSONAL = List.of("Kim Minji", "010-1234-5678", "Sejong-daero",
            "Lee Jun", "010-5555-0101", "Haeundae-ro", "minji@example.com", "leave with the guard", "Park Guard");

    public static final CarrierId SWP = new CarrierId("SWP");
    public static final LocationCode SEL_01 = new LocationCode("SEL-01");
    public static final LocationCode BSN_01 = new LocationCode("BSN-01");
    static final Actor SENDER = Actor.customer("sender1");
    static final Actor RECIPIENT = Actor.customer("recipient1");
    static final Actor COURIER_SWP_1 = Actor.courier("courier-swp-1", SWP, SEL_01);
    static final Actor COURIER_SWP_2 = Actor.courier("courier-swp-2", SWP, BSN_01);

    private final WaybillId waybillId = WaybillId.random();
    private final TrackingNumber trackingNumber = TrackingNumber.generate(SWP, new SecureRandom());
    private final Instant start;

    public WaybillStory(Instant start) {
        this.start = start;
    }

    public WaybillId waybillId() {
        return waybillId;
    }

    public TrackingNumber trackingNumber() {
        return trackingNumber;
    }

    /** Every event from creation to disposal, in the order the aggregate applies them. */
    public List<WaybillEvent> wholeLife() {
        List<WaybillEvent> events = new ArrayList<>(untilOutForDelivery());
        events.add(new ParcelScanned(waybillId, ScanAction.DELIVERED, BSN_01, at(9), by(COURIER_SWP_2, 9)));
        events.add(new WaybillDelivered(waybillId, DeliveryMethod.TO_RECIPIENT, new DeliveryProof(null, null, null),
                new DeliveryPersonalData("Park Guard", null), by(COURIER_SWP_2, 9)));
        events.add(new PersonalDataDisclosed(waybillId, recipientFields(), ScanAction.DELIVERED, by(COURIER_SWP_2, 9)));
        LabelReference label = new LabelReference("0123456789ABCDEF0123456789ABCDEF");
        events.add(new LabelRevoked(waybillId, label, RevocationReason.DISPOSED, by(RECIPIENT, 10)));
        events.add(new WaybillDisposed(waybillId, null, by(RECIPIENT, 10)));
        return events;
    }

    /** Created, printed, picked up, at hub BSN-01, out for delivery with courier-swp-2. */
    public List<WaybillEvent> untilOutForDelivery() {
        Custodian sender = new Custodian(CustodianKind.SENDER, "sender1", null);
        Custodian courier1 = Custodian.courier(COURIER_SWP_1.id(), SWP);
        Custodian hub = Custodian.hub(BSN_01, SWP);
        Custodian courier2 = Custodian.courier(COURIER_SWP_2.id(), SWP);
        return List.of(
                created(),
                new LabelPrinted(waybillId, new LabelReference("0123456789ABCDEF0123456789ABCDEF"), 1, by(SENDER, 1)),
                new ParcelScanned(waybillId, ScanAction.PICKUP, SEL_01, at(2), by(COURIER_SWP_1, 2)),
                new CustodyTransferred(waybillId, sender, courier1, by(COURIER_SWP_1, 2)),
                new PersonalDataDisclosed(waybillId, Set.of(PersonalField.SENDER_NAME, PersonalField.SENDER_ADDRESS,
                        PersonalField.SENDER_PHONE), ScanAction.PICKUP, by(COURIER_SWP_1, 2)),
                new ParcelScanned(waybillId, ScanAction.HUB_ARRIVAL, BSN_01, at(5), by(COURIER_SWP_2, 5)),
                new CustodyTransferred(waybillId, courier1, hub, by(COURIER_SWP_2, 5)),
                new ParcelScanned(waybillId, ScanAction.OUT_FOR_DELIVERY, BSN_01, at(8), by(COURIER_SWP_2, 8)),
                new CustodyTransferred(waybillId, hub, courier2, by(COURIER_SWP_2, 8)),
                new PersonalDataDisclosed(waybillId, recipientFields(), ScanAction.OUT_FOR_DELIVERY, by(COURIER_SWP_2, 8)));
    }

    public WaybillCreated created() {
        Contact sender = new Contact("Kim Minji", "010-1234-5678", "minji@example.com",
                new Address("12 Sejong-daero", "3F", "Seoul", "04524", "KR"));
        Contact recipient = new Contact("Lee Jun", "010-5555-0101", null,
                new Address("45 Haeundae-ro", null, "Busan", "48094", "KR"));
        return new WaybillCreated(waybillId, trackingNumber, SWP, ServiceLevel.STANDARD, new Routing("BSN", BSN_01), SEL_01,
                new Parcel(1200, 30, 20, 10), new WaybillPersonalData(sender, recipient, "leave with the guard"),
                new ActorId("sender1"), new ActorId("recipient1"), new Custodian(CustodianKind.SENDER, "sender1", null),
                by(SENDER, 0));
    }

    /** Appends events as the aggregate would, with sequence numbers from {@code firstSequence}, in one transaction. */
    public static void append(EventStore store, WaybillId waybillId, long firstSequence,
                              List<? extends WaybillEvent> events) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            long sequence = firstSequence;
            for (WaybillEvent event : events) {
                store.publish(new GenericDomainEventMessage<>("Waybill", waybillId.toString(), sequence++, event));
            }
        });
    }

    private static Set<PersonalField> recipientFields() {
        return Set.of(PersonalField.RECIPIENT_NAME, PersonalField.RECIPIENT_ADDRESS, PersonalField.RECIPIENT_PHONE);
    }

    private Provenance by(Actor actor, int minutes) {
        return new Provenance(actor, at(minutes), actor.hub(), null);
    }

    private Instant at(int minutes) {
        return start.plusSeconds(60L * minutes);
    }
}
