package com.exqress.command.label;

import com.exqress.label.LabelKeyRing;
import com.exqress.label.LabelQrCodec;
import com.exqress.label.LabelRejectedException;
import com.exqress.label.LabelRejection;
import com.exqress.label.LabelSigningKeys;
import com.exqress.waybill.CarrierNetwork;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelPrinted;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.Provenance;
import com.exqress.waybill.api.WaybillCreated;
import com.exqress.waybill.api.WaybillId;
import com.nimbusds.jose.jwk.JWKSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resolver's order: nothing but a verified signature ever reaches the database. */
class LabelResolverTest {

    private static final String BASE = "HTTPS://EXQ.RS/L/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CarrierId SWP = new CarrierId("SWP");
    private static final CarrierId BLR = new CarrierId("BLR");
    private static final Actor COURIER = Actor.courier("courier-swp-1", SWP, new LocationCode("SEL-01"));
    private static final Actor NON_PARTY = Actor.courier("courier-nrt-1", new CarrierId("NRT"), new LocationCode("DJN-01"));

    private final LabelQrCodec codec = codec();
    private final CountingIndex index = new CountingIndex();
    private final CountingHistory history = new CountingHistory();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LabelResolver resolver = new LabelResolver(codec, index, history, new SameCarrierOnly(),
            new LabelVerificationMetrics(meters));

    @Test
    void aTamperedLabelIsRejectedAsForgedWithoutReadingTheDatabase() {
        String genuine = codec.encode(SWP, LabelReference.mint(RANDOM));
        String tampered = genuine.substring(0, 50) + (genuine.charAt(50) == 'Q' ? 'R' : 'Q') + genuine.substring(51);

        assertRejected(tampered, LabelRejection.LABEL_FORGED, COURIER);
        assertThat(index.reads + history.reads).isZero();
    }

    @Test
    void aLabelSignedByAnUnknownKeyIsRejectedAsForgedWithoutReadingTheDatabase() {
        assertRejected(codec().encode(SWP, LabelReference.mint(RANDOM)), LabelRejection.LABEL_FORGED, COURIER);
        assertThat(index.reads + history.reads).isZero();
    }

    @Test
    void textThatIsNoLabelIsRejectedAsMalformedWithoutReadingTheDatabase() {
        assertRejected("https://example.com/parcel?name=Kim", LabelRejection.LABEL_MALFORMED, COURIER);
        assertThat(index.reads + history.reads).isZero();
    }

    @Test
    void aGenuineLabelIsLookedUpOnlyAfterItsSignatureHeld() {
        assertRejected(codec.encode(SWP, LabelReference.mint(RANDOM)), LabelRejection.LABEL_UNKNOWN, COURIER);
        assertThat(index.reads).isEqualTo(1);
    }

    @Test
    void aLabelSignedByItsWaybillsCarrierResolves() {
        LabelReference reference = printedForSwp();

        assertThat(resolver.resolve(codec.encode(SWP, reference), COURIER).carrier()).isEqualTo(SWP);
    }

    @Test
    void countsEveryVerificationByItsResult() {
        LabelReference reference = printedForSwp();
        resolver.resolve(codec.encode(SWP, reference), COURIER);
        assertRejected(codec.encode(BLR, reference), LabelRejection.LABEL_FORGED, COURIER);
        assertRejected(codec.encode(BLR, reference), LabelRejection.LABEL_FORGED, COURIER);
        assertRejected("https://example.com/parcel?name=Kim", LabelRejection.LABEL_MALFORMED, COURIER);

        assertThat(verifications("valid")).isEqualTo(1);
        assertThat(verifications("forged")).isEqualTo(2);
        assertThat(verifications("malformed")).isEqualTo(1);
        assertThat(verifications("revoked")).as("registered before the first one").isZero();
    }

    private double verifications(String result) {
        return meters.get("exqress.labels.verifications").tag("result", result).counter().count();
    }

    @Test
    void anotherCarriersGenuineSignatureDoesNotMakeALabelOfThisCarrier() {
        LabelReference reference = printedForSwp();

        assertRejected(codec.encode(BLR, reference), LabelRejection.LABEL_FORGED, COURIER);
    }

    @Test
    void aNonPartyLearnsOnlyThatTheLabelIsUnknownWhoeverSignedIt() {
        LabelReference reference = printedForSwp();

        assertRejected(codec.encode(BLR, reference), LabelRejection.LABEL_UNKNOWN, NON_PARTY);
        assertRejected(codec.encode(SWP, reference), LabelRejection.LABEL_UNKNOWN, NON_PARTY);
    }

    /** A waybill of SWP whose label is in circulation; returns the label's reference. */
    private LabelReference printedForSwp() {
        WaybillId waybillId = WaybillId.random();
        LabelReference reference = LabelReference.mint(RANDOM);
        Provenance provenance = new Provenance(Actor.customer("sender1"), Instant.now(), null, null);
        index.known.put(reference, waybillId);
        history.known.put(waybillId, WaybillLabelFacts.of(List.of(
                new WaybillCreated(waybillId, null, SWP, null, null, null, null, null, null, null, null, provenance),
                new LabelPrinted(waybillId, reference, 1, provenance))));
        return reference;
    }

    private void assertRejected(String qrText, LabelRejection rejection, Actor actor) {
        assertThatThrownBy(() -> resolver.resolve(qrText, actor))
                .isInstanceOfSatisfying(LabelRejectedException.class, e -> assertThat(e.rejection()).isEqualTo(rejection));
    }

    /** Fresh keys for SWP and BLR. */
    private static LabelQrCodec codec() {
        return new LabelQrCodec(new LabelSigningKeys(Map.of(SWP, ringOf(SWP), BLR, ringOf(BLR))), BASE);
    }

    private static LabelKeyRing ringOf(CarrierId carrier) {
        return LabelKeyRing.of(new JWKSet(LabelKeyRing.generateKey(carrier, RANDOM)), null, Set.of());
    }

    /** Stands in for the label_reference table and counts every lookup. */
    private static final class CountingIndex extends LabelReferenceIndex {
        final Map<LabelReference, WaybillId> known = new HashMap<>();
        int reads;

        CountingIndex() {
            super(null);
        }

        @Override
        public Optional<WaybillId> waybillOf(LabelReference reference) {
            reads++;
            return Optional.ofNullable(known.get(reference));
        }
    }

    /** Stands in for the event store and counts every read. */
    private static final class CountingHistory extends WaybillLabelHistory {
        final Map<WaybillId, WaybillLabelFacts> known = new HashMap<>();
        int reads;

        CountingHistory() {
            super(null);
        }

        @Override
        public Optional<WaybillLabelFacts> factsOf(WaybillId waybillId) {
            reads++;
            return Optional.ofNullable(known.get(waybillId));
        }
    }

    private static final class SameCarrierOnly implements CarrierNetwork {
        @Override
        public boolean isKnown(CarrierId carrier) {
            return true;
        }

        @Override
        public boolean mayCarryFor(CarrierId other, CarrierId owner) {
            return other.equals(owner);
        }

        @Override
        public Optional<com.exqress.waybill.api.Routing> route(CarrierId carrier, String postalCode) {
            return Optional.empty();
        }
    }
}
