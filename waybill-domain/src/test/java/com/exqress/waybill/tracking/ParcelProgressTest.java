package com.exqress.waybill.tracking;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.Address;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.Contact;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodianKind;
import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.DeliveryAttemptFailed;
import com.exqress.waybill.api.DeliveryMethod;
import com.exqress.waybill.api.DeliveryPersonalData;
import com.exqress.waybill.api.DeliveryProof;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.LabelRevoked;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.NextStep;
import com.exqress.waybill.api.Parcel;
import com.exqress.waybill.api.ParcelReturned;
import com.exqress.waybill.api.ParcelScanned;
import com.exqress.waybill.api.PersonalDataDisclosed;
import com.exqress.waybill.api.PersonalField;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.RevocationReason;
import com.exqress.waybill.api.Routing;
import com.exqress.waybill.api.ScanAction;
import com.exqress.waybill.api.ServiceLevel;
import com.exqress.waybill.api.TrackingNumber;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillDelivered;
import com.exqress.waybill.api.WaybillDisposed;
import com.exqress.waybill.api.WaybillEvent;
import com.exqress.waybill.api.WaybillId;
import com.exqress.waybill.api.WaybillPersonalData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ParcelProgressTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final CarrierId SWP = new CarrierId("SWP");
    private static final LocationCode SEL_01 = new LocationCode("SEL-01");
    private static final LocationCode BSN_01 = new LocationCode("BSN-01");
    private final Story story = new Story();

    @Test
    void foldsAWholeLifeIntoTheTrackingVocabulary() {
        List<String> steps = new ArrayList<>();
        ParcelProgress progress = null;
        for (WaybillEvent event : story.wholeLife()) {
            progress = progress == null ? ParcelProgress.start(story.created()) : progress.next(event);
            String step = progress.status() + "/" + progress.reason();
            if (steps.isEmpty() || !steps.get(steps.size() - 1).equals(step)) {
                steps.add(step);
            }
        }
        assertThat(steps).containsExactly("INFO_RECEIVED/WAYBILL_CREATED", "INFO_RECEIVED/LABEL_PRINTED",
                "PICKED_UP/PICKED_UP", "IN_TRANSIT/ARRIVED_AT_HUB", "OUT_FOR_DELIVERY/OUT_FOR_DELIVERY",
                "DELIVERED/TO_RECIPIENT", "DISPOSED/RECIPIENT_REQUEST");
        assertThat(progress.holder()).isNull();
        assertThat(progress.nextStep()).isNull();
    }

    @Test
    void theLastMileCourierTakingTheParcelKeepsItOutForDelivery() {
        ParcelProgress progress = fold(story.untilOutForDelivery());

        assertThat(progress.status()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(progress.holder()).isEqualTo(Custodian.courier(new ActorId("courier-swp-2"), SWP));
        assertThat(progress.hub()).isEqualTo(BSN_01);
        assertThat(progress.nextStep().step()).isEqualTo("DELIVERY");
    }

    @Test
    void anotherCourierTakingTheParcelPutsItBackInTransit() {
        ParcelProgress outForDelivery = fold(story.untilOutForDelivery());
        Custodian otherCourier = Custodian.courier(new ActorId("courier-swp-1"), SWP);

        ParcelProgress after = outForDelivery.next(new CustodyTransferred(story.waybillId(), outForDelivery.holder(),
                otherCourier, by("courier-swp-2", 30)));

        assertThat(after.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(after.reason()).isEqualTo("HANDED_OVER");
        assertThat(after.lastMileCourier()).isNull();
        assertThat(after.nextStep()).isEqualTo(new NextStep("OUT_FOR_DELIVERY", BSN_01));
    }

    @Test
    void aFailedDeliveryKeepsTheCourierAndAReturnEndsWithTheSender() {
        ParcelProgress failed = fold(story.untilOutForDelivery())
                .next(new DeliveryAttemptFailed(story.waybillId(), by("courier-swp-2", 30)));
        assertThat(failed.status()).isEqualTo(TrackingStatus.DELIVERY_FAILED);
        assertThat(failed.lastMileCourier()).isEqualTo(new ActorId("courier-swp-2"));

        Custodian sender = Custodian.creator(Actor.customer("sender1"));
        ParcelProgress returned = failed
                .next(new CustodyTransferred(story.waybillId(), failed.holder(), sender, by("courier-swp-2", 40)))
                .next(new ParcelReturned(story.waybillId(), by("courier-swp-2", 40)));

        assertThat(returned.status()).isEqualTo(TrackingStatus.RETURNED);
        assertThat(returned.reason()).isEqualTo("RETURNED_TO_SENDER");
        assertThat(returned.changedAt()).isEqualTo(START.plusSeconds(40 * 60));
    }

    @Test
    void eventsThatChangeNothingVisibleLeaveTheProgressAsItWas() {
        List<WaybillEvent> events = story.untilOutForDelivery();
        ParcelProgress beforeDisclosure = fold(events.subList(0, 4));

        assertThat(beforeDisclosure.next(events.get(4))).isEqualTo(beforeDisclosure);
    }

    private ParcelProgress fold(List<WaybillEvent> events) {
        ParcelProgress progress = ParcelProgress.start(story.created());
        for (WaybillEvent event : events.subList(1, events.size())) {
            progress = progress.next(event);
        }
        return progress;
    }

    private static Provenance by(String courier, int minutes) {
        return new Provenance(Actor.courier(courier, SWP, new LocationCode("BSN-01")), START.plusSeconds(60L * minutes),
                null, null);
    }

    /**
     * The lifecycle the projections' {@code WaybillStory} records, without its personal-data checks: sender1
     * sends from Seoul to Busan with SWP, courier-swp-1 picks it up, hub BSN-01 receives it, courier-swp-2
     * delivers it, the recipient disposes.
     */
    private static final class Story {

        private static final Actor SENDER = Actor.customer("sender1");
        private static final Actor RECIPIENT = Actor.customer("recipient1");
        private static final Actor COURIER_SWP_1 = Actor.courier("courier-swp-1", SWP, SEL_01);
        private static final Actor COURIER_SWP_2 = Actor.courier("courier-swp-2", SWP, BSN_01);
        private static final LabelReference LABEL = new LabelReference("0123456789ABCDEF0123456789ABCDEF");
        private static final Set<PersonalField> RECIPIENT_FIELDS = Set.of(PersonalField.RECIPIENT_NAME,
                PersonalField.RECIPIENT_ADDRESS, PersonalField.RECIPIENT_PHONE);

        private final WaybillId waybillId = WaybillId.random();

        WaybillId waybillId() {
            return waybillId;
        }

        List<WaybillEvent> wholeLife() {
            List<WaybillEvent> events = new ArrayList<>(untilOutForDelivery());
            events.add(new ParcelScanned(waybillId, ScanAction.DELIVERED, BSN_01, at(9), by(COURIER_SWP_2, 9)));
            events.add(new WaybillDelivered(waybillId, DeliveryMethod.TO_RECIPIENT, new DeliveryProof(null, null, null),
                    new DeliveryPersonalData("Park Guard", null), by(COURIER_SWP_2, 9)));
            events.add(new PersonalDataDisclosed(waybillId, RECIPIENT_FIELDS, ScanAction.DELIVERED, by(COURIER_SWP_2, 9)));
            events.add(new LabelRevoked(waybillId, LABEL, RevocationReason.DISPOSED, by(RECIPIENT, 10)));
            events.add(new WaybillDisposed(waybillId, null, by(RECIPIENT, 10)));
            return events;
        }

        List<WaybillEvent> untilOutForDelivery() {
            Custodian sender = new Custodian(CustodianKind.SENDER, "sender1", null);
            Custodian courier1 = Custodian.courier(COURIER_SWP_1.id(), SWP);
            Custodian hub = Custodian.hub(BSN_01, SWP);
            Custodian courier2 = Custodian.courier(COURIER_SWP_2.id(), SWP);
            return List.of(
                    created(),
                    new LabelPrinted(waybillId, LABEL, 1, by(SENDER, 1)),
                    new ParcelScanned(waybillId, ScanAction.PICKUP, SEL_01, at(2), by(COURIER_SWP_1, 2)),
                    new CustodyTransferred(waybillId, sender, courier1, by(COURIER_SWP_1, 2)),
                    new PersonalDataDisclosed(waybillId, Set.of(PersonalField.SENDER_NAME), ScanAction.PICKUP,
                            by(COURIER_SWP_1, 2)),
                    new ParcelScanned(waybillId, ScanAction.HUB_ARRIVAL, BSN_01, at(5), by(COURIER_SWP_2, 5)),
                    new CustodyTransferred(waybillId, courier1, hub, by(COURIER_SWP_2, 5)),
                    new ParcelScanned(waybillId, ScanAction.OUT_FOR_DELIVERY, BSN_01, at(8), by(COURIER_SWP_2, 8)),
                    new CustodyTransferred(waybillId, hub, courier2, by(COURIER_SWP_2, 8)),
                    new PersonalDataDisclosed(waybillId, RECIPIENT_FIELDS, ScanAction.OUT_FOR_DELIVERY,
                            by(COURIER_SWP_2, 8)));
        }

        WaybillCreated created() {
            Contact sender = new Contact("Kim Minji", "010-1234-5678", null,
                    new Address("12 Sejong-daero", null, "Seoul", "04524", "KR"));
            Contact recipient = new Contact("Lee Jun", "010-5555-0101", null,
                    new Address("45 Haeundae-ro", null, "Busan", "48094", "KR"));
            return new WaybillCreated(waybillId, new TrackingNumber("SWP48271639501"), SWP, ServiceLevel.STANDARD,
                    new Routing("BSN", BSN_01), new Parcel(1200, 30, 20, 10),
                    new WaybillPersonalData(sender, recipient, null), new ActorId("sender1"),
                    new ActorId("recipient1"), new Custodian(CustodianKind.SENDER, "sender1", null), by(SENDER, 0));
        }

        private static Provenance by(Actor actor, int minutes) {
            return new Provenance(actor, at(minutes), actor.hub(), null);
        }

        private static Instant at(int minutes) {
            return START.plusSeconds(60L * minutes);
        }
    }
}
