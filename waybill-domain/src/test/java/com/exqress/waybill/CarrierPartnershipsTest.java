package com.exqress.waybill;

import com.exqress.waybill.api.CarrierPartners;
import com.exqress.waybill.api.DeclarePartner;
import com.exqress.waybill.api.PartnerDeclared;
import com.exqress.waybill.api.PartnerWithdrawn;
import com.exqress.waybill.api.WithdrawPartner;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.exqress.waybill.WaybillFixtures.ADMIN_NRT;
import static com.exqress.waybill.WaybillFixtures.ADMIN_SWP;
import static com.exqress.waybill.WaybillFixtures.BLR;
import static com.exqress.waybill.WaybillFixtures.COURIER_SWP_1;
import static com.exqress.waybill.WaybillFixtures.NRT;
import static com.exqress.waybill.WaybillFixtures.PLATFORM_ADMIN;
import static com.exqress.waybill.WaybillFixtures.SWP;
import static com.exqress.waybill.WaybillFixtures.UNKNOWN;
import static com.exqress.waybill.WaybillFixtures.by;
import static com.exqress.waybill.WaybillFixtures.carrierNetwork;
import static com.exqress.waybill.WaybillFixtures.violation;
import static com.exqress.waybill.api.WaybillErrorCode.INVALID_PARTNER;
import static com.exqress.waybill.api.WaybillErrorCode.NOT_PERMITTED;
import static com.exqress.waybill.api.WaybillErrorCode.PARTNER_NOT_DECLARED;
import static com.exqress.waybill.api.WaybillErrorCode.UNKNOWN_CARRIER;

class CarrierPartnershipsTest {

    private AggregateTestFixture<CarrierPartnerships> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CarrierPartnerships.class);
        fixture.registerInjectableResource(carrierNetwork());
    }

    @Test
    void carrierAdminDeclaresTheFirstPartner() {
        fixture.givenNoPriorActivity()
                .when(new DeclarePartner(SWP, BLR, by(ADMIN_SWP)))
                .expectEvents(new PartnerDeclared(SWP, BLR, by(ADMIN_SWP)))
                .expectResultMessagePayload(new CarrierPartners(SWP, Set.of(BLR)));
    }

    @Test
    void declaringAnotherPartnerKeepsTheFirst() {
        fixture.given(new PartnerDeclared(SWP, BLR, by(ADMIN_SWP)))
                .when(new DeclarePartner(SWP, NRT, by(ADMIN_SWP)))
                .expectEvents(new PartnerDeclared(SWP, NRT, by(ADMIN_SWP)))
                .expectResultMessagePayload(new CarrierPartners(SWP, Set.of(BLR, NRT)));
    }

    @Test
    void declaringAPartnerAgainRecordsNothing() {
        fixture.given(new PartnerDeclared(SWP, BLR, by(ADMIN_SWP)))
                .when(new DeclarePartner(SWP, BLR, by(ADMIN_SWP)))
                .expectNoEvents()
                .expectResultMessagePayload(new CarrierPartners(SWP, Set.of(BLR)));
    }

    @Test
    void anotherCarriersAdminMayNotDeclarePartners() {
        fixture.givenNoPriorActivity()
                .when(new DeclarePartner(SWP, NRT, by(ADMIN_NRT)))
                .expectNoEvents()
                .expectException(violation(NOT_PERMITTED));
    }

    @Test
    void couriersAndPlatformAdminsMayNotDeclarePartners() {
        fixture.givenNoPriorActivity()
                .when(new DeclarePartner(SWP, BLR, by(COURIER_SWP_1)))
                .expectNoEvents()
                .expectException(violation(NOT_PERMITTED));
        fixture.givenNoPriorActivity()
                .when(new DeclarePartner(SWP, BLR, by(PLATFORM_ADMIN)))
                .expectNoEvents()
                .expectException(violation(NOT_PERMITTED));
    }

    @Test
    void aCarrierIsNotItsOwnPartner() {
        fixture.givenNoPriorActivity()
                .when(new DeclarePartner(SWP, SWP, by(ADMIN_SWP)))
                .expectNoEvents()
                .expectException(violation(INVALID_PARTNER));
    }

    @Test
    void thePartnerMustBeOnThePlatform() {
        fixture.givenNoPriorActivity()
                .when(new DeclarePartner(SWP, UNKNOWN, by(ADMIN_SWP)))
                .expectNoEvents()
                .expectException(violation(UNKNOWN_CARRIER));
    }

    @Test
    void carrierAdminWithdrawsAPartner() {
        fixture.given(new PartnerDeclared(SWP, BLR, by(ADMIN_SWP)), new PartnerDeclared(SWP, NRT, by(ADMIN_SWP)))
                .when(new WithdrawPartner(SWP, BLR, by(ADMIN_SWP)))
                .expectEvents(new PartnerWithdrawn(SWP, BLR, by(ADMIN_SWP)))
                .expectResultMessagePayload(new CarrierPartners(SWP, Set.of(NRT)));
    }

    @Test
    void withdrawingACarrierThatIsNotAPartnerIsRefused() {
        fixture.given(new PartnerDeclared(SWP, BLR, by(ADMIN_SWP)), new PartnerWithdrawn(SWP, BLR, by(ADMIN_SWP)))
                .when(new WithdrawPartner(SWP, BLR, by(ADMIN_SWP)))
                .expectNoEvents()
                .expectException(violation(PARTNER_NOT_DECLARED));
    }

    @Test
    void withdrawingBeforeAnyDeclarationIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new WithdrawPartner(SWP, BLR, by(ADMIN_SWP)))
                .expectNoEvents()
                .expectException(violation(PARTNER_NOT_DECLARED));
    }

    @Test
    void anotherCarriersAdminMayNotWithdrawPartners() {
        fixture.given(new PartnerDeclared(SWP, BLR, by(ADMIN_SWP)))
                .when(new WithdrawPartner(SWP, BLR, by(ADMIN_NRT)))
                .expectNoEvents()
                .expectException(violation(NOT_PERMITTED));
    }
}
