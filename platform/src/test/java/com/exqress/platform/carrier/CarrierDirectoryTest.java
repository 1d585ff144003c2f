package com.exqress.platform.carrier;

import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Routing;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo carrier network as configured in exqress/carriers.json. */
class CarrierDirectoryTest {

    private static final CarrierId SWP = new CarrierId("SWP");
    private static final CarrierId BLR = new CarrierId("BLR");
    private static final CarrierId NRT = new CarrierId("NRT");

    private final CarrierDirectory carriers =
            new CarrierDirectory(new ClassPathResource("exqress/carriers.json"), new ObjectMapper().findAndRegisterModules());

    @Test
    void routesByTheLongestMatchingPostalPrefix() {
        assertThat(carriers.route(SWP, "48094")).contains(new Routing("BSN", new LocationCode("BSN-01")));
        assertThat(carriers.route(SWP, "41000")).contains(new Routing("GSG", new LocationCode("BSN-01")));
        assertThat(carriers.route(SWP, "04524")).contains(new Routing("SEL", new LocationCode("SEL-01")));
    }

    @Test
    void refusesToRouteWhatTheRoutingTableDoesNotCover() {
        assertThat(carriers.route(BLR, "48094")).isEmpty();
        assertThat(carriers.route(SWP, "4809")).isEmpty();
        assertThat(carriers.route(SWP, "SW1A 1AA")).isEmpty();
        assertThat(carriers.route(new CarrierId("XYZ"), "04524")).isEmpty();
    }

    @Test
    void knowsWhichCarrierRunsAHub() {
        assertThat(carriers.carrierOfHub("SEL-02")).contains(BLR);
        assertThat(carriers.carrierOfHub("DJN-01")).contains(NRT);
        assertThat(carriers.carrierOfHub("XXX-99")).isEmpty();
        assertThat(carriers.isKnown(NRT)).isTrue();
        assertThat(carriers.isKnown(new CarrierId("XYZ"))).isFalse();
    }

    @Test
    void knowsEachCarriersNameAndTimeZone() {
        assertThat(carriers.carrier(BLR).name()).isEqualTo("Blue Route");
        assertThat(carriers.carrier(SWP).timeZone()).isEqualTo(java.time.ZoneId.of("Asia/Seoul"));
    }
}
