package com.exqress.waybill.tracking;

import com.exqress.waybill.WaybillStory;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.ActorId;
import com.exqress.waybill.api.Custodian;
import com.exqress.waybill.api.CustodyTransferred;
import com.exqress.waybill.api.DeliveryAttemptFailed;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.NextStep;
import com.exqress.waybill.api.ParcelReturned;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.TrackingStatus;
import com.exqress.waybill.api.WaybillEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.exqress.waybill.WaybillStory.BSN_01;
import static com.exqress.waybill.WaybillStory.SWP;
import static org.assertj.core.api.Assertions.assertThat;

class ParcelProgressTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private final WaybillStory story = new WaybillStory(START);

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
}
