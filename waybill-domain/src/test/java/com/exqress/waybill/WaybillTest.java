package com.exqress.waybill;

import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.DisposalReason;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.RevocationReason;
import com.exqress.waybill.api.WaybillStatus;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.exqress.waybill.WaybillFixtures.*;
import static com.exqress.waybill.api.WaybillErrorCode.CARRIER_NOT_PARTNER;
import static com.exqress.waybill.api.WaybillErrorCode.DISPOSAL_REASON_REQUIRED;
import static com.exqress.waybill.api.WaybillErrorCode.DUPLICATE_REQUEST_MISMATCH;
import static com.exqress.waybill.api.WaybillErrorCode.INVALID_TRANSITION;
import static com.exqress.waybill.api.WaybillErrorCode.NOT_CUSTODIAN;
import static com.exqress.waybill.api.WaybillErrorCode.NOT_PERMITTED;
import static com.exqress.waybill.api.WaybillErrorCode.UNKNOWN_CARRIER;
import static com.exqress.waybill.api.WaybillErrorCode.UNROUTABLE_DESTINATION;
import static com.exqress.waybill.api.WaybillErrorCode.WAYBILL_DISPOSED;

class WaybillTest {

    private AggregateTestFixture<Waybill> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Waybill.class);
        fixture.registerInjectableResource(carrierNetwork());
    }

    @Nested
    class Create {

        @Test
        void customerCreatesWaybillAsSenderAndHoldsTheParcel() {
            fixture.givenNoPriorActivity()
                    .when(createWaybill(by(SENDER)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created(by(SENDER)));
        }

        @Test
        void carrierAdminCreatesWaybillHeldAtTheCarrierDeskWithoutSenderAccount() {
            fixture.givenNoPriorActivity()
                    .when(createWaybill(by(ADMIN_SWP)))
                    .expectEvents(created(by(ADMIN_SWP)));
        }

        @Test
        void courierMayNotCreateWaybill() {
            fixture.givenNoPriorActivity()
                    .when(createWaybill(by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void adminOfAnotherCarrierMayNotCreateWaybill() {
            fixture.givenNoPriorActivity()
                    .when(createWaybill(by(ADMIN_NRT)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void auditorMayNotCreateWaybill() {
            fixture.givenNoPriorActivity()
                    .when(createWaybill(by(AUDITOR)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void unknownCarrierIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(createWaybill(UNKNOWN, SEOUL_POSTAL_CODE, by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(UNKNOWN_CARRIER));
        }

        @Test
        void unroutablePostalCodeIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(createWaybill(SWP, UNROUTABLE_POSTAL_CODE, by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(UNROUTABLE_DESTINATION));
        }

        @Test
        void routingIsDerivedFromTheRecipientsPostalCode() {
            fixture.givenNoPriorActivity()
                    .when(createWaybill(SWP, BUSAN_POSTAL_CODE, by(SENDER)))
                    .expectEvents(created(BUSAN_POSTAL_CODE, BUSAN, by(SENDER)));
        }
    }

    @Nested
    class PrintLabel {

        @Test
        void noLabelCanBePrintedForAWaybillThatWasNeverCreated() {
            fixture.givenNoPriorActivity()
                    .when(printLabel(REF_1, by(SENDER)))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void senderPrintsTheFirstLabel() {
            fixture.given(created())
                    .when(printLabel(REF_1, by(SENDER)))
                    .expectEvents(printed(REF_1, 1, by(SENDER)))
                    .expectResultMessagePayload(outcome(WaybillStatus.LABEL_PRINTED, REF_1));
        }

        @Test
        void carrierAdminPrintsTheLabel() {
            fixture.given(created())
                    .when(printLabel(REF_1, by(ADMIN_SWP)))
                    .expectEvents(printed(REF_1, 1, by(ADMIN_SWP)));
        }

        @Test
        void strangerMayNotPrintTheLabel() {
            fixture.given(created())
                    .when(printLabel(REF_1, by(STRANGER)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void adminOfAnotherCarrierMayNotPrintTheLabel() {
            fixture.given(created())
                    .when(printLabel(REF_1, by(ADMIN_NRT)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void reprintRevokesThePreviousReference() {
            fixture.given(created(), printed(REF_1, 1))
                    .when(printLabel(REF_2, by(SENDER)))
                    .expectEvents(
                            revoked(REF_1, RevocationReason.REPRINTED, by(SENDER)),
                            printed(REF_2, 2, by(SENDER)))
                    .expectResultMessagePayload(outcome(WaybillStatus.LABEL_PRINTED, REF_2));
        }

        @Test
        void senderMayNotReprintOnceACourierHoldsTheParcel() {
            fixture.given(inCourierSwp1Hands())
                    .when(printLabel(REF_2, by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void carrierAdminReprintsADamagedLabelInTransit() {
            fixture.given(inCourierSwp1Hands())
                    .when(printLabel(REF_2, by(ADMIN_SWP)))
                    .expectEvents(
                            revoked(REF_1, RevocationReason.REPRINTED, by(ADMIN_SWP)),
                            printed(REF_2, 2, by(ADMIN_SWP)));
        }

        @Test
        void deliveredParcelGetsNoNewLabel() {
            fixture.given(deliveredByCourierSwp1())
                    .when(printLabel(REF_2, by(ADMIN_SWP)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }
    }

    @Nested
    class HandOff {

        @Test
        void noHandOffBeforeTheLabelIsPrinted() {
            fixture.given(created())
                    .when(handOff(courierCustody(COURIER_SWP_1), by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void senderHandsTheParcelToACourierOfTheSameCarrier() {
            fixture.given(created(), printed(REF_1, 1))
                    .when(handOff(courierCustody(COURIER_SWP_1), by(SENDER)))
                    .expectEvents(transferred(senderCustody(), courierCustody(COURIER_SWP_1), by(SENDER)))
                    .expectResultMessagePayload(outcome(WaybillStatus.IN_TRANSIT, REF_1));
        }

        @Test
        void carrierAdminHandsAParcelFromTheDeskToACourier() {
            fixture.given(createdByAdmin(), printed(REF_1, 1, by(ADMIN_SWP)))
                    .when(handOff(courierCustody(COURIER_SWP_1), by(ADMIN_SWP)))
                    .expectEvents(transferred(deskCustody(SWP), courierCustody(COURIER_SWP_1), by(ADMIN_SWP)));
        }

        @Test
        void courierHandsTheParcelToAHub() {
            fixture.given(inCourierSwp1Hands())
                    .when(handOff(hubCustody(BSN_01, SWP), by(COURIER_SWP_1)))
                    .expectEvents(transferred(courierCustody(COURIER_SWP_1), hubCustody(BSN_01, SWP),
                            by(COURIER_SWP_1)));
        }

        @Test
        void courierPostedAtTheHubHandsTheParcelOn() {
            fixture.given(inCourierSwp1Hands())
                    .andGiven(transferred(courierCustody(COURIER_SWP_1), hubCustody(BSN_01, SWP), by(COURIER_SWP_1)))
                    .when(handOff(courierCustody(COURIER_SWP_2), by(COURIER_SWP_2)))
                    .expectEvents(transferred(hubCustody(BSN_01, SWP), courierCustody(COURIER_SWP_2),
                            by(COURIER_SWP_2)));
        }

        @Test
        void courierPostedAtAnotherHubMayNotHandOnFromTheHub() {
            fixture.given(inCourierSwp1Hands())
                    .andGiven(transferred(courierCustody(COURIER_SWP_1), hubCustody(BSN_01, SWP), by(COURIER_SWP_1)))
                    .when(handOff(courierCustody(COURIER_SWP_1), by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(NOT_CUSTODIAN));
        }

        @Test
        void courierOfAnotherCarrierPostedAtAHubWithTheSameCodeMayNotHandOnFromTheHub() {
            Actor blrCourierAtBsn01 = Actor.courier("courier-blr-9", BLR, BSN_01);
            fixture.given(inCourierSwp1Hands())
                    .andGiven(transferred(courierCustody(COURIER_SWP_1), hubCustody(BSN_01, SWP), by(COURIER_SWP_1)))
                    .when(handOff(courierCustody(blrCourierAtBsn01), by(blrCourierAtBsn01)))
                    .expectNoEvents()
                    .expectException(violation(NOT_CUSTODIAN));
        }

        @Test
        void someoneWhoIsNotTheCustodianMayNotHandOff() {
            fixture.given(inCourierSwp1Hands())
                    .when(handOff(courierCustody(COURIER_SWP_2), by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(NOT_CUSTODIAN));
        }

        @Test
        void senderMayNoLongerHandOffOnceACourierHoldsTheParcel() {
            fixture.given(inCourierSwp1Hands())
                    .when(handOff(courierCustody(COURIER_SWP_2), by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(NOT_CUSTODIAN));
        }

        @Test
        void parcelMayBeHandedToACourierOfADeclaredPartnerCarrier() {
            fixture.given(inCourierSwp1Hands())
                    .when(handOff(courierCustody(COURIER_BLR_1), by(COURIER_SWP_1)))
                    .expectEvents(transferred(courierCustody(COURIER_SWP_1), courierCustody(COURIER_BLR_1),
                            by(COURIER_SWP_1)));
        }

        @Test
        void parcelMayNotBeHandedToACourierOfANonPartnerCarrier() {
            fixture.given(inCourierSwp1Hands())
                    .when(handOff(courierCustody(COURIER_NRT_1), by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(CARRIER_NOT_PARTNER));
        }

        @Test
        void parcelMayNotBeHandedToTheHubOfANonPartnerCarrier() {
            fixture.given(inCourierSwp1Hands())
                    .when(handOff(hubCustody(DJN_01, NRT), by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(CARRIER_NOT_PARTNER));
        }

        @Test
        void parcelMayNotBeHandedToThePartyThatAlreadyHoldsIt() {
            fixture.given(inCourierSwp1Hands())
                    .when(handOff(courierCustody(COURIER_SWP_1), by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void parcelMayOnlyBeHandedToACourierOrAHub() {
            fixture.given(inCourierSwp1Hands())
                    .when(handOff(deskCustody(SWP), by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void deliveredParcelCannotBeHandedOff() {
            fixture.given(deliveredByCourierSwp1())
                    .when(handOff(courierCustody(COURIER_SWP_2), by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }
    }

    @Nested
    class Deliver {

        @Test
        void noDeliveryBeforeAnyHandOff() {
            fixture.given(created(), printed(REF_1, 1))
                    .when(deliver(by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void currentCustodianDelivers() {
            fixture.given(inCourierSwp1Hands())
                    .when(deliver(by(COURIER_SWP_1)))
                    .expectEvents(delivered(by(COURIER_SWP_1)))
                    .expectResultMessagePayload(outcome(WaybillStatus.DELIVERED, REF_1));
        }

        @Test
        void someoneOtherThanTheCustodianMayNotDeliver() {
            fixture.given(inCourierSwp1Hands())
                    .when(deliver(by(COURIER_SWP_2)))
                    .expectNoEvents()
                    .expectException(violation(NOT_CUSTODIAN));
        }

        @Test
        void parcelCannotBeDeliveredTwice() {
            fixture.given(deliveredByCourierSwp1())
                    .when(deliver(by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }
    }

    @Nested
    class Dispose {

        @Test
        void recipientDisposesAfterDeliveryAndTheActiveLabelIsRevokedFirst() {
            fixture.given(deliveredByCourierSwp1())
                    .when(dispose(null, by(RECIPIENT)))
                    .expectEvents(
                            revoked(REF_1, RevocationReason.DISPOSED, by(RECIPIENT)),
                            disposed(DisposalReason.RECIPIENT_REQUEST, by(RECIPIENT)))
                    .expectResultMessagePayload(outcome(WaybillStatus.DISPOSED, null));
        }

        @Test
        void recipientMayNameRecipientRequestAsTheReason() {
            fixture.given(deliveredByCourierSwp1())
                    .when(dispose(DisposalReason.RECIPIENT_REQUEST, by(RECIPIENT)))
                    .expectEvents(
                            revoked(REF_1, RevocationReason.DISPOSED, by(RECIPIENT)),
                            disposed(DisposalReason.RECIPIENT_REQUEST, by(RECIPIENT)));
        }

        @Test
        void recipientMayNotGiveACarrierReason() {
            fixture.given(deliveredByCourierSwp1())
                    .when(dispose(DisposalReason.LOST, by(RECIPIENT)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void recipientMayNotDisposeBeforeDelivery() {
            fixture.given(inCourierSwp1Hands())
                    .when(dispose(null, by(RECIPIENT)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void carrierAdminDisposesAFreshWaybillAsLostWithoutLabelToRevoke() {
            fixture.given(created())
                    .when(dispose(DisposalReason.LOST, by(ADMIN_SWP)))
                    .expectEvents(disposed(DisposalReason.LOST, by(ADMIN_SWP)));
        }

        @Test
        void carrierAdminDisposesAParcelInTransitAsLost() {
            fixture.given(inCourierSwp1Hands())
                    .when(dispose(DisposalReason.LOST, by(ADMIN_SWP)))
                    .expectEvents(
                            revoked(REF_1, RevocationReason.DISPOSED, by(ADMIN_SWP)),
                            disposed(DisposalReason.LOST, by(ADMIN_SWP)));
        }

        @Test
        void carrierAdminDisposesADeliveredParcelAsLost() {
            fixture.given(deliveredByCourierSwp1())
                    .when(dispose(DisposalReason.LOST, by(ADMIN_SWP)))
                    .expectEvents(
                            revoked(REF_1, RevocationReason.DISPOSED, by(ADMIN_SWP)),
                            disposed(DisposalReason.LOST, by(ADMIN_SWP)));
        }

        @Test
        void carriersRetentionPolicyDisposesADeliveredParcel() {
            fixture.given(deliveredByCourierSwp1())
                    .when(dispose(DisposalReason.RETENTION_EXPIRED, by(RETENTION_POLICY_SWP)))
                    .expectEvents(
                            revoked(REF_1, RevocationReason.DISPOSED, by(RETENTION_POLICY_SWP)),
                            disposed(DisposalReason.RETENTION_EXPIRED, by(RETENTION_POLICY_SWP)))
                    .expectResultMessagePayload(outcome(WaybillStatus.DISPOSED, null));
        }

        @Test
        void retentionCannotExpireBeforeDelivery() {
            fixture.given(inCourierSwp1Hands())
                    .when(dispose(DisposalReason.RETENTION_EXPIRED, by(RETENTION_POLICY_SWP)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void retentionCannotExpireOnAParcelReturnedUndelivered() {
            fixture.given(busanReturnedToSender())
                    .when(dispose(DisposalReason.RETENTION_EXPIRED, by(RETENTION_POLICY_SWP)))
                    .expectNoEvents()
                    .expectException(violation(INVALID_TRANSITION));
        }

        @Test
        void carrierAdminMustGiveAReason() {
            fixture.given(inCourierSwp1Hands())
                    .when(dispose(null, by(ADMIN_SWP)))
                    .expectNoEvents()
                    .expectException(violation(DISPOSAL_REASON_REQUIRED));
        }

        @Test
        void carrierAdminMayNotUseTheRecipientsReason() {
            fixture.given(inCourierSwp1Hands())
                    .when(dispose(DisposalReason.RECIPIENT_REQUEST, by(ADMIN_SWP)))
                    .expectNoEvents()
                    .expectException(violation(DISPOSAL_REASON_REQUIRED));
        }

        @Test
        void strangerMayNotDispose() {
            fixture.given(deliveredByCourierSwp1())
                    .when(dispose(null, by(STRANGER)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void senderMayNotDispose() {
            fixture.given(deliveredByCourierSwp1())
                    .when(dispose(null, by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void custodianCourierMayNotDispose() {
            fixture.given(inCourierSwp1Hands())
                    .when(dispose(DisposalReason.DAMAGED, by(COURIER_SWP_1)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }

        @Test
        void adminOfAnotherCarrierMayNotDispose() {
            fixture.given(inCourierSwp1Hands())
                    .when(dispose(DisposalReason.LOST, by(ADMIN_NRT)))
                    .expectNoEvents()
                    .expectException(violation(NOT_PERMITTED));
        }
    }

    @Nested
    class AfterDisposal {

        @Test
        void noLabelIsPrinted() {
            fixture.given(disposedAsLost())
                    .when(printLabel(REF_2, by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(WAYBILL_DISPOSED));
        }

        @Test
        void noHandOff() {
            fixture.given(disposedAsLost())
                    .when(handOff(courierCustody(COURIER_SWP_1), by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(WAYBILL_DISPOSED));
        }

        @Test
        void noDelivery() {
            fixture.given(disposedAsLost())
                    .when(deliver(by(SENDER)))
                    .expectNoEvents()
                    .expectException(violation(WAYBILL_DISPOSED));
        }

        @Test
        void noSecondDisposal() {
            fixture.given(disposedAsLost())
                    .when(dispose(DisposalReason.DAMAGED, by(ADMIN_SWP)))
                    .expectNoEvents()
                    .expectException(violation(WAYBILL_DISPOSED));
        }
    }

    @Nested
    class Idempotency {

        @Test
        void repeatedPrintLabelReturnsTheFirstReferenceAndPrintsNothing() {
            Provenance request = by(SENDER, "print-1", "fp-print");
            fixture.given(created(), printed(REF_1, 1, request))
                    .when(printLabel(REF_2, retryOf(request)))
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(WaybillStatus.LABEL_PRINTED, REF_1));
        }

        @Test
        void repeatedPrintLabelReturnsTheFirstOutcomeEvenAfterALaterReprint() {
            Provenance first = by(SENDER, "print-1", "fp-print");
            fixture.given(created(), printed(REF_1, 1, first),
                            revoked(REF_1, RevocationReason.REPRINTED, by(ADMIN_SWP)),
                            printed(REF_2, 2, by(ADMIN_SWP)))
                    .when(printLabel(REF_3, retryOf(first)))
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(WaybillStatus.LABEL_PRINTED, REF_1));
        }

        @Test
        void repeatedHandOffProducesNoEventAndReturnsTheFirstOutcome() {
            Provenance request = by(SENDER, "hand-1", "fp-hand");
            fixture.given(created(), printed(REF_1, 1),
                            transferred(senderCustody(), courierCustody(COURIER_SWP_1), request))
                    .when(handOff(courierCustody(COURIER_SWP_1), retryOf(request)))
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(WaybillStatus.IN_TRANSIT, REF_1));
        }

        @Test
        void repeatedDeliverProducesNoEventAndReturnsTheFirstOutcome() {
            Provenance request = by(COURIER_SWP_1, "deliver-1", "fp-deliver");
            fixture.given(inCourierSwp1Hands())
                    .andGiven(delivered(request))
                    .when(deliver(retryOf(request)))
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(WaybillStatus.DELIVERED, REF_1));
        }

        @Test
        void repeatedDisposeProducesNoEventAndReturnsTheFirstOutcome() {
            Provenance request = by(ADMIN_SWP, "dispose-1", "fp-dispose");
            fixture.given(created(), printed(REF_1, 1),
                            revoked(REF_1, RevocationReason.DISPOSED, request),
                            disposed(DisposalReason.LOST, request))
                    .when(dispose(DisposalReason.LOST, retryOf(request)))
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(WaybillStatus.DISPOSED, null));
        }

        @Test
        void sameKeyWithADifferentFingerprintIsRefused() {
            fixture.given(created(), printed(REF_1, 1, by(SENDER, "print-1", "fp-print")))
                    .when(printLabel(REF_2, by(SENDER, "print-1", "fp-something-else")))
                    .expectNoEvents()
                    .expectException(violation(DUPLICATE_REQUEST_MISMATCH));
        }

        @Test
        void sameKeyUsedByADifferentActorIsADifferentRequest() {
            Provenance admins = by(ADMIN_SWP, "print-1", "fp-print");
            fixture.given(created(), printed(REF_1, 1, by(SENDER, "print-1", "fp-print")))
                    .when(printLabel(REF_2, admins))
                    .expectEvents(
                            revoked(REF_1, RevocationReason.REPRINTED, admins),
                            printed(REF_2, 2, admins))
                    .expectResultMessagePayload(outcome(WaybillStatus.LABEL_PRINTED, REF_2));
        }

        @Test
        void requestWithoutKeyIsNeverTreatedAsARetry() {
            fixture.given(created(), printed(REF_1, 1, by(SENDER, "print-1", "fp-print")))
                    .when(printLabel(REF_2, by(SENDER)))
                    .expectEvents(
                            revoked(REF_1, RevocationReason.REPRINTED, by(SENDER)),
                            printed(REF_2, 2, by(SENDER)));
        }
    }
}
