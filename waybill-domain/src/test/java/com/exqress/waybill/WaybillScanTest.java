package com.exqress.waybill;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.DisposalReason;
import com.exqress.waybill.api.PersonalField;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.RecordScan;
import com.exqress.waybill.api.RevocationReason;
import com.exqress.waybill.api.ScanAction;
import com.exqress.waybill.api.WaybillOutcome;
import com.exqress.waybill.api.WaybillStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.exqress.waybill.WaybillFixtures.*;
import static com.exqress.waybill.api.WaybillErrorCode.CARRIER_NOT_PARTNER;
import static com.exqress.waybill.api.WaybillErrorCode.DISPOSAL_REASON_REQUIRED;
import static com.exqress.waybill.api.WaybillErrorCode.DUPLICATE_REQUEST_MISMATCH;
import static com.exqress.waybill.api.WaybillErrorCode.INVALID_TRANSITION;
import static com.exqress.waybill.api.WaybillErrorCode.NOT_CUSTODIAN;
import static com.exqress.waybill.api.WaybillErrorCode.NOT_PERMITTED;
import static com.exqress.waybill.api.WaybillErrorCode.WAYBILL_DISPOSED;

/**
 * Courier scans: which scan fits which lifecycle step, who may make it, what custody it moves and which
 * personal fields it discloses. Most cases use the Busan waybill (destination hub BSN-01), picked up by
 * courier-swp-1 (posted at SEL-01) and delivered by courier-swp-2 (posted at BSN-01).
 */
class WaybillScanTest {

    private static final Set<PersonalField> NOTHING = Set.of();

    private AggregateTestFixture<Waybill> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static AggregateTestFixture<Waybill> newFixture() {
        AggregateTestFixture<Waybill> fresh = new AggregateTestFixture<>(Waybill.class);
        fresh.registerInjectableResource(carrierNetwork());
        return fresh;
    }

    @Nested
    class WhoMayScan {

        @Test
        void noScanBeforeTheLabelIsPrinted() {
            fixture.given(created(BUSAN_POSTAL_CODE, BUSAN, by(SENDER)))
                    .when(recordScan(ScanAction.PICKUP, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void customerMayNotScan() {
            fixture.given(busanPrinted())
                    .when(recordScan(ScanAction.PICKUP, by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void customerMayNotScanEvenBeforeTheLabelIsPrintedAndLearnsNothingOfItsState() {
            fixture.given(created(BUSAN_POSTAL_CODE, BUSAN, by(SENDER)))
                    .when(recordScan(ScanAction.PICKUP, by(STRANGER)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void carrierAdminMayNotScan() {
            fixture.given(busanPrinted())
                    .when(recordScan(ScanAction.PICKUP, by(ADMIN_SWP)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void auditorMayNotScan() {
            fixture.given(busanPrinted())
                    .when(recordScan(ScanAction.PICKUP, by(AUDITOR)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void courierOfANonPartnerCarrierMayNotScan() {
            fixture.given(busanPrinted())
                    .when(recordScan(ScanAction.PICKUP, by(COURIER_NRT_1)))
                    .expectNoEvents()
                    .expectException(violation(CARRIER_NOT_PARTNER));
        }

        @Test
        void courierOfANonPartnerCarrierMayNotScanEvenAtTheHubThatHoldsTheParcel() {
            Actor nrtCourierAtBsn01 = Actor.courier("courier-nrt-9", NRT, BSN_01);
            fixture.given(busanAtBsn01())
                    .when(recordScan(ScanAction.HUB_DEPARTURE, BSN_01, by(nrtCourierAtBsn01)))
                    .expectNoEvents()
                    .expectException(violation(CARRIER_NOT_PARTNER));
        }

        @Test
        void courierOfAPartnerCarrierPicksUpAnSwpParcel() {
            fixture.given(busanPrinted())
                    .when(recordScan(ScanAction.PICKUP, by(COURIER_BLR_1)))
                    .expectEvents(pickupEvents(senderCustody(), by(COURIER_BLR_1)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.IN_TRANSIT, SENDER_FIELDS));
        }
    }

    @Nested
    class Pickup {

        @Test
        void courierPicksUpFromTheSenderAndIsShownWhereAndWhomToCollectFrom() {
            fixture.given(busanPrinted())
                    .when(recordScan(ScanAction.PICKUP, by(COURIER_SWP_1)))
                    .expectEvents(
                            scanned(ScanAction.PICKUP, null, by(COURIER_SWP_1)),
                            transferred(senderCustody(), courierCustody(COURIER_SWP_1), by(COURIER_SWP_1)),
                            disclosed(SENDER_FIELDS, ScanAction.PICKUP, by(COURIER_SWP_1)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.IN_TRANSIT, SENDER_FIELDS));
        }

        @Test
        void courierPicksUpFromTheCarrierDesk() {
            fixture.given(createdByAdmin(), printed(REF_1, 1, by(ADMIN_SWP)))
                    .when(recordScan(ScanAction.PICKUP, SEL_01, by(COURIER_SWP_1)))
                    .expectEvents(
                            scanned(ScanAction.PICKUP, SEL_01, by(COURIER_SWP_1)),
                            transferred(deskCustody(SWP), courierCustody(COURIER_SWP_1), by(COURIER_SWP_1)),
                            disclosed(SENDER_FIELDS, ScanAction.PICKUP, by(COURIER_SWP_1)))
                    .expectResultMessagePayload(seoulOutcome(WaybillStatus.IN_TRANSIT, SENDER_FIELDS));
        }

        @Test
        void parcelAlreadyPickedUpCannotBePickedUpAgain() {
            fixture.given(busanPickedUpBySwp1())
                    .when(recordScan(ScanAction.PICKUP, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void parcelHandedOffToACourierCannotBePickedUp() {
            fixture.given(inCourierSwp1Hands())
                    .when(recordScan(ScanAction.PICKUP, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void parcelAtAHubCannotBePickedUp() {
            fixture.given(busanAtBsn01())
                    .when(recordScan(ScanAction.PICKUP, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }
    }

    @Nested
    class HubArrival {

        @Test
        void courierScansTheParcelInAtTheHubTheyWorkAtAndTheHubTakesCustodyWithoutDisclosure() {
            fixture.given(busanPickedUpBySwp1())
                    .when(recordScan(ScanAction.HUB_ARRIVAL, BSN_01, by(COURIER_SWP_2)))
                    .expectEvents(
                            scanned(ScanAction.HUB_ARRIVAL, BSN_01, by(COURIER_SWP_2)),
                            transferred(courierCustody(COURIER_SWP_1), hubCustody(BSN_01, SWP), by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.IN_TRANSIT, NOTHING));
        }

        @Test
        void pickupCourierDropsTheParcelAtTheirOwnHub() {
            fixture.given(busanPickedUpBySwp1())
                    .when(recordScan(ScanAction.HUB_ARRIVAL, SEL_01, by(COURIER_SWP_1)))
                    .expectEvents(arrivalEvents(courierCustody(COURIER_SWP_1), by(COURIER_SWP_1)));
        }

        @Test
        void parcelMovesFromHubToHub() {
            fixture.given(busanPickedUpBySwp1())
                    .andGiven(arrivalEvents(courierCustody(COURIER_SWP_1), by(COURIER_SWP_1)))
                    .andGiven(departureEvents(by(COURIER_SWP_1)))
                    .when(recordScan(ScanAction.HUB_ARRIVAL, BSN_01, by(COURIER_SWP_2)))
                    .expectEvents(arrivalEvents(hubCustody(SEL_01, SWP), by(COURIER_SWP_2)));
        }

        @Test
        void partnerCourierScansTheParcelInAtTheirCarriersHub() {
            fixture.given(busanPickedUpBySwp1())
                    .when(recordScan(ScanAction.HUB_ARRIVAL, SEL_02, by(COURIER_BLR_1)))
                    .expectEvents(
                            scanned(ScanAction.HUB_ARRIVAL, SEL_02, by(COURIER_BLR_1)),
                            transferred(courierCustody(COURIER_SWP_1), hubCustody(SEL_02, BLR), by(COURIER_BLR_1)));
        }

        @Test
        void parcelWhoseDeliveryFailedComesBackToTheHub() {
            fixture.given(busanDeliveryFailedWithSwp2())
                    .when(recordScan(ScanAction.HUB_ARRIVAL, BSN_01, by(COURIER_SWP_2)))
                    .expectEvents(arrivalEvents(courierCustody(COURIER_SWP_2), by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.IN_TRANSIT, NOTHING));
        }

        @Test
        void arrivalScanMustNameTheHub() {
            fixture.given(busanPickedUpBySwp1())
                    .when(recordScan(ScanAction.HUB_ARRIVAL, null, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void courierMayNotScanArrivalsAtAHubTheyDoNotWorkAt() {
            fixture.given(busanPickedUpBySwp1())
                    .when(recordScan(ScanAction.HUB_ARRIVAL, BSN_01, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void parcelCannotArriveAtTheHubThatAlreadyHoldsIt() {
            fixture.given(busanAtBsn01())
                    .when(recordScan(ScanAction.HUB_ARRIVAL, BSN_01, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void parcelStillWithTheSenderCannotArriveAtAHub() {
            fixture.given(busanPrinted())
                    .when(recordScan(ScanAction.HUB_ARRIVAL, BSN_01, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void parcelOutForDeliveryCannotArriveAtAHub() {
            fixture.given(busanOutForDeliveryWithSwp2())
                    .when(recordScan(ScanAction.HUB_ARRIVAL, BSN_01, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }
    }

    @Nested
    class HubDeparture {

        @Test
        void courierAtTheHoldingHubScansTheDepartureAndCustodyStaysWithTheHub() {
            fixture.given(busanAtBsn01())
                    .when(recordScan(ScanAction.HUB_DEPARTURE, BSN_01, by(COURIER_SWP_2)))
                    .expectEvents(scanned(ScanAction.HUB_DEPARTURE, BSN_01, by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.IN_TRANSIT, NOTHING));
        }

        @Test
        void custodyStaysWithTheDepartedHubUntilTheNextArrival() {
            fixture.given(busanAtBsn01())
                    .andGiven(departureEvents(by(COURIER_SWP_2)))
                    .when(recordScan(ScanAction.HUB_ARRIVAL, SEL_01, by(COURIER_SWP_1)))
                    .expectEvents(arrivalEvents(hubCustody(BSN_01, SWP), by(COURIER_SWP_1)));
        }

        @Test
        void courierOfAnotherHubMayNotScanTheDeparture() {
            fixture.given(busanAtBsn01())
                    .when(recordScan(ScanAction.HUB_DEPARTURE, SEL_01, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(NOT_CUSTODIAN));
        }

        @Test
        void theDepartureIsScannedAtTheHoldingHubOnly() {
            fixture.given(busanAtBsn01())
                    .when(recordScan(ScanAction.HUB_DEPARTURE, SEL_01, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void aParcelLeavesAHubOncePerStay() {
            fixture.given(busanAtBsn01())
                    .andGiven(departureEvents(by(COURIER_SWP_2)))
                    .when(recordScan(ScanAction.HUB_DEPARTURE, BSN_01, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void courierHoldingTheParcelIsNotAtAHubToDepartFrom() {
            fixture.given(busanPickedUpBySwp1())
                    .when(recordScan(ScanAction.HUB_DEPARTURE, SEL_01, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void parcelStillWithTheSenderCannotDepartFromAHub() {
            fixture.given(busanPrinted())
                    .when(recordScan(ScanAction.HUB_DEPARTURE, SEL_01, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }
    }

    @Nested
    class OutForDelivery {

        @Test
        void courierOfTheDestinationHubTakesTheParcelOutAndIsShownTheRecipient() {
            fixture.given(busanAtBsn01())
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, by(COURIER_SWP_2)))
                    .expectEvents(
                            scanned(ScanAction.OUT_FOR_DELIVERY, null, by(COURIER_SWP_2)),
                            transferred(hubCustody(BSN_01, SWP), courierCustody(COURIER_SWP_2), by(COURIER_SWP_2)),
                            disclosed(RECIPIENT_FIELDS, ScanAction.OUT_FOR_DELIVERY, by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.OUT_FOR_DELIVERY, RECIPIENT_FIELDS));
        }

        @Test
        void courierOfTheDestinationHubTakesTheParcelFromTheCourierHoldingIt() {
            fixture.given(busanPickedUpBySwp1())
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, by(COURIER_SWP_2)))
                    .expectEvents(outForDeliveryEvents(courierCustody(COURIER_SWP_1), by(COURIER_SWP_2)));
        }

        @Test
        void courierHoldingTheParcelTakesItOutWithoutAnotherCustodyTransfer() {
            fixture.given(busanPickedUpBySwp1())
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, by(COURIER_SWP_1)))
                    .expectEvents(
                            scanned(ScanAction.OUT_FOR_DELIVERY, null, by(COURIER_SWP_1)),
                            disclosed(RECIPIENT_FIELDS, ScanAction.OUT_FOR_DELIVERY, by(COURIER_SWP_1)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.OUT_FOR_DELIVERY, RECIPIENT_FIELDS));
        }

        @Test
        void lastMileCourierTakesTheParcelOutAgainAfterAFailedAttempt() {
            fixture.given(busanDeliveryFailedWithSwp2())
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, by(COURIER_SWP_2)))
                    .expectEvents(outForDeliveryEvents(null, by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.OUT_FOR_DELIVERY, RECIPIENT_FIELDS));
        }

        @Test
        void anotherCourierOfTheDestinationHubTakesOverAfterAFailedAttempt() {
            Actor anotherBusanCourier = Actor.courier("courier-swp-3", SWP, BSN_01);
            fixture.given(busanDeliveryFailedWithSwp2())
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, by(anotherBusanCourier)))
                    .expectEvents(outForDeliveryEvents(courierCustody(COURIER_SWP_2), by(anotherBusanCourier)));
        }

        @Test
        void courierNeitherOfTheDestinationHubNorHoldingTheParcelMayNotTakeItOut() {
            fixture.given(busanAtBsn01())
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void partnerCourierAtAnotherHubMayNotTakeItOut() {
            fixture.given(busanAtBsn01())
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, by(COURIER_BLR_1)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void parcelStillWithTheSenderCannotGoOutForDelivery() {
            fixture.given(busanPrinted())
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void parcelAlreadyOutForDeliveryCannotGoOutAgain() {
            fixture.given(busanOutForDeliveryWithSwp2())
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }
    }

    @Nested
    class Delivered {

        @Test
        void lastMileCourierDeliversAndTheDisclosureIsRecorded() {
            fixture.given(busanOutForDeliveryWithSwp2())
                    .when(recordScan(ScanAction.DELIVERED, by(COURIER_SWP_2)))
                    .expectEvents(
                            scanned(ScanAction.DELIVERED, null, by(COURIER_SWP_2)),
                            deliveredByScan(by(COURIER_SWP_2)),
                            disclosed(RECIPIENT_FIELDS, ScanAction.DELIVERED, by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.DELIVERED, RECIPIENT_FIELDS));
        }

        @Test
        void lastMileCourierDeliversOnASecondAttempt() {
            fixture.given(busanDeliveryFailedWithSwp2())
                    .when(recordScan(ScanAction.DELIVERED, by(COURIER_SWP_2)))
                    .expectEvents(deliveredScanEvents(by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.DELIVERED, RECIPIENT_FIELDS));
        }

        @Test
        void courierNotHoldingTheParcelMayNotDeliverIt() {
            fixture.given(busanOutForDeliveryWithSwp2())
                    .when(recordScan(ScanAction.DELIVERED, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(NOT_CUSTODIAN));
        }

        @Test
        void courierHoldingAParcelThatIsNotOutForDeliveryMayNotDeliverIt() {
            fixture.given(busanPickedUpBySwp1())
                    .when(recordScan(ScanAction.DELIVERED, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void parcelStillWithTheSenderCannotBeDelivered() {
            fixture.given(busanPrinted())
                    .when(recordScan(ScanAction.DELIVERED, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void parcelHandedToAnotherCourierWhileOutForDeliveryMustGoOutAgainBeforeDelivery() {
            fixture.given(busanOutForDeliveryWithSwp2())
                    .andGiven(transferred(courierCustody(COURIER_SWP_2), courierCustody(COURIER_SWP_1),
                            by(COURIER_SWP_2)))
                    .when(recordScan(ScanAction.DELIVERED, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void courierWhoReceivedTheParcelByHandOffTakesItOutThenDelivers() {
            fixture.given(busanOutForDeliveryWithSwp2())
                    .andGiven(transferred(courierCustody(COURIER_SWP_2), courierCustody(COURIER_SWP_1),
                            by(COURIER_SWP_2)))
                    .andGiven(outForDeliveryEvents(null, by(COURIER_SWP_1)))
                    .when(recordScan(ScanAction.DELIVERED, by(COURIER_SWP_1)))
                    .expectEvents(deliveredScanEvents(by(COURIER_SWP_1)));
        }
    }

    @Nested
    class DeliveryFailed {

        @Test
        void lastMileCourierRecordsAFailedAttemptKeepsTheParcelAndMayCallTheRecipient() {
            fixture.given(busanOutForDeliveryWithSwp2())
                    .when(recordScan(ScanAction.DELIVERY_FAILED, by(COURIER_SWP_2)))
                    .expectEvents(
                            scanned(ScanAction.DELIVERY_FAILED, null, by(COURIER_SWP_2)),
                            attemptFailed(by(COURIER_SWP_2)),
                            disclosed(RECIPIENT_FIELDS, ScanAction.DELIVERY_FAILED, by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.DELIVERY_FAILED, RECIPIENT_FIELDS));
        }

        @Test
        void courierNotHoldingTheParcelMayNotReportAFailedAttempt() {
            fixture.given(busanOutForDeliveryWithSwp2())
                    .when(recordScan(ScanAction.DELIVERY_FAILED, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(NOT_CUSTODIAN));
        }

        @Test
        void parcelInTransitCannotFailDelivery() {
            fixture.given(busanPickedUpBySwp1())
                    .when(recordScan(ScanAction.DELIVERY_FAILED, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void failedAttemptMustBeFollowedByAnotherOutForDeliveryBeforeFailingAgain() {
            fixture.given(busanDeliveryFailedWithSwp2())
                    .when(recordScan(ScanAction.DELIVERY_FAILED, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }
    }

    @Nested
    class Returned {

        @Test
        void hubCourierReturnsTheParcelToTheSenderWithoutDisclosure() {
            fixture.given(busanAtBsn01())
                    .when(recordScan(ScanAction.RETURNED, by(COURIER_SWP_2)))
                    .expectEvents(
                            scanned(ScanAction.RETURNED, null, by(COURIER_SWP_2)),
                            transferred(hubCustody(BSN_01, SWP), senderCustody(), by(COURIER_SWP_2)),
                            returned(by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.RETURNED, NOTHING));
        }

        @Test
        void parcelCreatedByTheCarrierGoesBackToTheCarrierDesk() {
            fixture.given(createdByAdmin(), printed(REF_1, 1, by(ADMIN_SWP)))
                    .andGiven(pickupEvents(deskCustody(SWP), by(COURIER_SWP_1)))
                    .when(recordScan(ScanAction.RETURNED, by(COURIER_SWP_1)))
                    .expectEvents(returnEvents(courierCustody(COURIER_SWP_1), deskCustody(SWP), by(COURIER_SWP_1)))
                    .expectResultMessagePayload(seoulOutcome(WaybillStatus.RETURNED, NOTHING));
        }

        @Test
        void lastMileCourierReturnsAParcelOutForDelivery() {
            fixture.given(busanOutForDeliveryWithSwp2())
                    .when(recordScan(ScanAction.RETURNED, by(COURIER_SWP_2)))
                    .expectEvents(returnEvents(courierCustody(COURIER_SWP_2), senderCustody(), by(COURIER_SWP_2)));
        }

        @Test
        void lastMileCourierReturnsAParcelAfterAFailedAttempt() {
            fixture.given(busanDeliveryFailedWithSwp2())
                    .when(recordScan(ScanAction.RETURNED, by(COURIER_SWP_2)))
                    .expectEvents(returnEvents(courierCustody(COURIER_SWP_2), senderCustody(), by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.RETURNED, NOTHING));
        }

        @Test
        void courierNotHoldingTheParcelMayNotReturnIt() {
            fixture.given(busanAtBsn01())
                    .when(recordScan(ScanAction.RETURNED, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(NOT_CUSTODIAN));
        }

        @Test
        void parcelStillWithTheSenderCannotBeReturned() {
            fixture.given(busanPrinted())
                    .when(recordScan(ScanAction.RETURNED, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }
    }

    @Nested
    class AfterReturn {

        @ParameterizedTest
        @EnumSource(ScanAction.class)
        void noScanIsAccepted(ScanAction action) {
            fixture.given(busanReturnedToSender())
                    .when(recordScan(action, BSN_01, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void carrierAdminDisposesTheReturnedParcel() {
            fixture.given(busanReturnedToSender())
                    .when(dispose(DisposalReason.RETURNED_TO_SENDER, by(ADMIN_SWP)))
                    .expectEvents(
                            revoked(REF_1, RevocationReason.DISPOSED, by(ADMIN_SWP)),
                            disposed(DisposalReason.RETURNED_TO_SENDER, by(ADMIN_SWP)))
                    .expectResultMessagePayload(outcome(WaybillStatus.DISPOSED, null, BUSAN, NOTHING));
        }

        @Test
        void carrierAdminMustStillGiveAReason() {
            fixture.given(busanReturnedToSender())
                    .when(dispose(null, by(ADMIN_SWP)))
                    .expectNoEvents()
                    .expectException(violation(DISPOSAL_REASON_REQUIRED));
        }

        @Test
        void recipientCannotDisposeOfAReturnedParcel() {
            fixture.given(busanReturnedToSender())
                    .when(dispose(null, by(RECIPIENT)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void senderHoldingTheReturnedParcelCannotPrintANewLabel() {
            fixture.given(busanReturnedToSender())
                    .when(printLabel(REF_2, by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void carrierAdminCannotPrintANewLabel() {
            fixture.given(busanReturnedToSender())
                    .when(printLabel(REF_2, by(ADMIN_SWP)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void senderHoldingTheReturnedParcelCannotHandItOffAgain() {
            fixture.given(busanReturnedToSender())
                    .when(handOff(courierCustody(COURIER_SWP_1), by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void senderHoldingTheReturnedParcelCannotMarkItDelivered() {
            fixture.given(busanReturnedToSender())
                    .when(deliver(by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }
    }

    @Nested
    class AfterDeliveryOrDisposal {

        @ParameterizedTest
        @EnumSource(ScanAction.class)
        void noScanAfterDeliveryByScan(ScanAction action) {
            fixture.given(busanDeliveredByScan())
                    .when(recordScan(action, BSN_01, by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @ParameterizedTest
        @EnumSource(ScanAction.class)
        void noScanAfterDeliveryByCommand(ScanAction action) {
            fixture.given(deliveredByCourierSwp1())
                    .when(recordScan(action, SEL_01, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @ParameterizedTest
        @EnumSource(ScanAction.class)
        void noScanAfterDisposal(ScanAction action) {
            fixture.given(disposedAsLost())
                    .when(recordScan(action, SEL_01, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(WAYBILL_DISPOSED));
        }

        @Test
        void disposedWaybillRefusesEvenAnOutsider() {
            fixture.given(disposedAsLost())
                    .when(recordScan(ScanAction.PICKUP, by(STRANGER)))
                    .expectNoEvents()
                    .expectException(violation(WAYBILL_DISPOSED));
        }

        @Test
        void recipientDisposesAfterDeliveryByScan() {
            fixture.given(busanDeliveredByScan())
                    .when(dispose(null, by(RECIPIENT)))
                    .expectEvents(
                            revoked(REF_1, RevocationReason.DISPOSED, by(RECIPIENT)),
                            disposed(DisposalReason.RECIPIENT_REQUEST, by(RECIPIENT)));
        }
    }

    /** The HandOff and Deliver commands keep working beside scans. */
    @Nested
    class WithTheOlderCommands {

        @Test
        void lastMileCourierDeliversByCommandWhileOutForDelivery() {
            fixture.given(busanOutForDeliveryWithSwp2())
                    .when(deliver(by(COURIER_SWP_2)))
                    .expectEvents(delivered(by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.DELIVERED, NOTHING));
        }

        @Test
        void lastMileCourierDeliversByCommandAfterAFailedAttempt() {
            fixture.given(busanDeliveryFailedWithSwp2())
                    .when(deliver(by(COURIER_SWP_2)))
                    .expectEvents(delivered(by(COURIER_SWP_2)));
        }

        @Test
        void pickupByScanCountsAsTheHandOffTheDeliverCommandNeeds() {
            fixture.given(busanPickedUpBySwp1())
                    .when(deliver(by(COURIER_SWP_1)))
                    .expectEvents(delivered(by(COURIER_SWP_1)));
        }

        @Test
        void courierWhoPickedUpByScanHandsTheParcelOnByCommand() {
            fixture.given(busanPickedUpBySwp1())
                    .when(handOff(hubCustody(SEL_01, SWP), by(COURIER_SWP_1)))
                    .expectEvents(transferred(courierCustody(COURIER_SWP_1), hubCustody(SEL_01, SWP),
                            by(COURIER_SWP_1)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.IN_TRANSIT, NOTHING));
        }

        @Test
        void handOffWhileOutForDeliveryPutsTheParcelBackInTransit() {
            fixture.given(busanOutForDeliveryWithSwp2())
                    .when(handOff(hubCustody(BSN_01, SWP), by(COURIER_SWP_2)))
                    .expectEvents(transferred(courierCustody(COURIER_SWP_2), hubCustody(BSN_01, SWP),
                            by(COURIER_SWP_2)))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.IN_TRANSIT, NOTHING));
        }

        @Test
        void parcelHandedOffByCommandIsScannedInAtAHub() {
            fixture.given(inCourierSwp1Hands())
                    .when(recordScan(ScanAction.HUB_ARRIVAL, SEL_01, by(COURIER_SWP_1)))
                    .expectEvents(arrivalEvents(courierCustody(COURIER_SWP_1), by(COURIER_SWP_1)))
                    .expectResultMessagePayload(seoulOutcome(WaybillStatus.IN_TRANSIT, NOTHING));
        }
    }

    @Nested
    class Idempotency {

        @Test
        void retriedPickupReturnsTheFirstOutcomeWithItsDisclosureAndEmitsNothing() {
            Provenance request = by(COURIER_SWP_1, "scan-1", "fp-pickup");
            fixture.given(busanPrinted())
                    .andGiven(pickupEvents(senderCustody(), request))
                    .when(recordScan(ScanAction.PICKUP, retryOf(request)))
                    .expectNoEvents()
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.IN_TRANSIT, SENDER_FIELDS));
        }

        @Test
        void retriedPickupReturnsTheFirstOutcomeEvenAfterTheParcelMovedOn() {
            Provenance request = by(COURIER_SWP_1, "scan-1", "fp-pickup");
            fixture.given(busanPrinted())
                    .andGiven(pickupEvents(senderCustody(), request))
                    .andGiven(arrivalEvents(courierCustody(COURIER_SWP_1), by(COURIER_SWP_2)))
                    .andGiven(outForDeliveryEvents(hubCustody(BSN_01, SWP), by(COURIER_SWP_2)))
                    .when(recordScan(ScanAction.PICKUP, retryOf(request)))
                    .expectNoEvents()
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.IN_TRANSIT, SENDER_FIELDS));
        }

        @Test
        void retriedOutForDeliveryReturnsTheRecipientFieldsAgain() {
            Provenance request = by(COURIER_SWP_2, "scan-2", "fp-out");
            fixture.given(busanAtBsn01())
                    .andGiven(outForDeliveryEvents(hubCustody(BSN_01, SWP), request))
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, retryOf(request)))
                    .expectNoEvents()
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.OUT_FOR_DELIVERY, RECIPIENT_FIELDS));
        }

        @Test
        void retriedHubArrivalReturnsAnOutcomeWithoutDisclosure() {
            Provenance request = by(COURIER_SWP_2, "scan-3", "fp-arrival");
            fixture.given(busanPickedUpBySwp1())
                    .andGiven(arrivalEvents(courierCustody(COURIER_SWP_1), request))
                    .when(recordScan(ScanAction.HUB_ARRIVAL, BSN_01, retryOf(request)))
                    .expectNoEvents()
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.IN_TRANSIT, NOTHING));
        }

        @Test
        void retriedDeliveredScanIsAnsweredWithTheFirstOutcomeThoughScansAfterDeliveryAreRefused() {
            Provenance request = by(COURIER_SWP_2, "scan-4", "fp-delivered");
            fixture.given(busanOutForDeliveryWithSwp2())
                    .andGiven(deliveredScanEvents(request))
                    .when(recordScan(ScanAction.DELIVERED, retryOf(request)))
                    .expectNoEvents()
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.DELIVERED, RECIPIENT_FIELDS));
        }

        @Test
        void disclosureIsKeptWhenLaterEventsOfTheSameRequestAreRemembered() {
            Provenance request = by(COURIER_SWP_1, "scan-1", "fp-pickup");
            fixture.given(busanPrinted())
                    .andGiven(
                            scanned(ScanAction.PICKUP, null, request),
                            disclosed(SENDER_FIELDS, ScanAction.PICKUP, request),
                            transferred(senderCustody(), courierCustody(COURIER_SWP_1), request))
                    .when(recordScan(ScanAction.PICKUP, retryOf(request)))
                    .expectNoEvents()
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.IN_TRANSIT, SENDER_FIELDS));
        }

        @Test
        void sameKeyForADifferentScanIsRefused() {
            fixture.given(busanPrinted())
                    .andGiven(pickupEvents(senderCustody(), by(COURIER_SWP_1, "scan-1", "fp-pickup")))
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, by(COURIER_SWP_1, "scan-1", "fp-out")))
                    .expectNoEvents()
                    .expectException(violation(DUPLICATE_REQUEST_MISMATCH));
        }

        @Test
        void sameKeyUsedByAnotherCourierIsADifferentRequest() {
            Provenance swp2 = by(COURIER_SWP_2, "scan-1", "fp-pickup");
            fixture.given(busanPrinted())
                    .andGiven(pickupEvents(senderCustody(), by(COURIER_SWP_1, "scan-1", "fp-pickup")))
                    .when(recordScan(ScanAction.OUT_FOR_DELIVERY, swp2))
                    .expectEvents(outForDeliveryEvents(courierCustody(COURIER_SWP_1), swp2))
                    .expectResultMessagePayload(busanOutcome(WaybillStatus.OUT_FOR_DELIVERY, RECIPIENT_FIELDS));
        }

        @Test
        void firstExecutionAndItsRetryAnswerTheSame() {
            Provenance request = by(COURIER_SWP_2, "scan-5", "fp-failed");
            WaybillOutcome expected = busanOutcome(WaybillStatus.DELIVERY_FAILED, RECIPIENT_FIELDS);
            fixture.given(busanOutForDeliveryWithSwp2())
                    .when(recordScan(ScanAction.DELIVERY_FAILED, request))
                    .expectEvents(deliveryFailedEvents(request))
                    .expectResultMessagePayload(expected);
            newFixture().given(busanOutForDeliveryWithSwp2())
                    .andGiven(deliveryFailedEvents(request))
                    .when(recordScan(ScanAction.DELIVERY_FAILED, retryOf(request)))
                    .expectNoEvents()
                    .expectResultMessagePayload(expected);
        }
    }

    /**
     * The whole journey by commands: each step runs against the aggregate built by executing every earlier
     * step, and must emit exactly its events and return its outcome.
     */
    @Nested
    class FullJourney {

        private record Step(String name, RecordScan command, Object[] events, WaybillOutcome outcome) {
        }

        @TestFactory
        Stream<DynamicTest> pickupToDeliveryThroughTwoHubsAndOneFailedAttempt() {
            Provenance pickup = by(COURIER_SWP_1, "s1", "fp1");
            Provenance atSeoul = by(COURIER_SWP_1, "s2", "fp2");
            Provenance leaveSeoul = by(COURIER_SWP_1, "s3", "fp3");
            Provenance atBusan = by(COURIER_SWP_2, "s4", "fp4");
            Provenance out = by(COURIER_SWP_2, "s5", "fp5");
            Provenance failed = by(COURIER_SWP_2, "s6", "fp6");
            Provenance deliveredProvenance = by(COURIER_SWP_2, "s7", "fp7");
            List<Step> steps = List.of(
                    new Step("PICKUP by courier-swp-1", recordScan(ScanAction.PICKUP, pickup),
                            pickupEvents(senderCustody(), pickup),
                            busanOutcome(WaybillStatus.IN_TRANSIT, SENDER_FIELDS)),
                    new Step("HUB_ARRIVAL at SEL-01", recordScan(ScanAction.HUB_ARRIVAL, SEL_01, atSeoul),
                            arrivalEvents(courierCustody(COURIER_SWP_1), atSeoul),
                            busanOutcome(WaybillStatus.IN_TRANSIT, NOTHING)),
                    new Step("HUB_DEPARTURE from SEL-01", recordScan(ScanAction.HUB_DEPARTURE, SEL_01, leaveSeoul),
                            departureEvents(leaveSeoul),
                            busanOutcome(WaybillStatus.IN_TRANSIT, NOTHING)),
                    new Step("HUB_ARRIVAL at BSN-01 (destination)", recordScan(ScanAction.HUB_ARRIVAL, BSN_01, atBusan),
                            arrivalEvents(hubCustody(SEL_01, SWP), atBusan),
                            busanOutcome(WaybillStatus.IN_TRANSIT, NOTHING)),
                    new Step("OUT_FOR_DELIVERY by courier-swp-2", recordScan(ScanAction.OUT_FOR_DELIVERY, out),
                            outForDeliveryEvents(hubCustody(BSN_01, SWP), out),
                            busanOutcome(WaybillStatus.OUT_FOR_DELIVERY, RECIPIENT_FIELDS)),
                    new Step("DELIVERY_FAILED", recordScan(ScanAction.DELIVERY_FAILED, failed),
                            deliveryFailedEvents(failed),
                            busanOutcome(WaybillStatus.DELIVERY_FAILED, RECIPIENT_FIELDS)),
                    new Step("DELIVERED on the second attempt", recordScan(ScanAction.DELIVERED, deliveredProvenance),
                            deliveredScanEvents(deliveredProvenance),
                            busanOutcome(WaybillStatus.DELIVERED, RECIPIENT_FIELDS)));

            Stream<DynamicTest> journey = IntStream.range(0, steps.size()).mapToObj(i -> {
                Step step = steps.get(i);
                return DynamicTest.dynamicTest(step.name(), () -> newFixture()
                        .givenCommands(commandsBefore(steps, i))
                        .when(step.command())
                        .expectSuccessfulHandlerExecution()
                        .expectEvents(step.events())
                        .expectResultMessagePayload(step.outcome()));
            });
            Stream<DynamicTest> afterwards = Stream.of(
                    DynamicTest.dynamicTest("a retried step afterwards returns its first outcome", () -> newFixture()
                            .givenCommands(commandsBefore(steps, steps.size()))
                            .when(recordScan(ScanAction.OUT_FOR_DELIVERY, retryOf(out)))
                            .expectNoEvents()
                            .expectResultMessagePayload(busanOutcome(WaybillStatus.OUT_FOR_DELIVERY, RECIPIENT_FIELDS))),
                    DynamicTest.dynamicTest("a new scan afterwards is refused", () -> newFixture()
                            .givenCommands(commandsBefore(steps, steps.size()))
                            .when(recordScan(ScanAction.DELIVERY_FAILED, by(COURIER_SWP_2)))
                            .expectNoEvents()
                            .expectException(violation(INVALID_TRANSITION))));
            return Stream.concat(journey, afterwards);
        }

        private List<Object> commandsBefore(List<Step> steps, int index) {
            List<Object> commands = new ArrayList<>();
            commands.add(createWaybill(SWP, BUSAN_POSTAL_CODE, by(SENDER)));
            commands.add(printLabel(REF_1, by(SENDER)));
            steps.subList(0, index).forEach(step -> commands.add(step.command()));
            return commands;
        }
    }
}
