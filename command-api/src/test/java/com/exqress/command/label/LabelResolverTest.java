package com.exqress.command.label;

import com.exqress.label.LabelKeyRing;
import com.exqress.label.LabelQrCodec;
import com.exqress.label.LabelRejectedException;
import com.exqress.label.LabelRejection;
import com.exqress.waybill.CarrierNetwork;
import com.exqress.waybill.api.Actor;
import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.LabelReference;
import com.exqress.waybill.api.LocationCode;
import com.exqress.waybill.api.WaybillId;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resolver's order: nothing but a verified signature ever reaches the database. */
class LabelResolverTest {

    private static final String BASE = "HTTPS://EXQ.RS/L/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Actor COURIER = Actor.courier("courier-swp-1", new CarrierId("SWP"), new LocationCode("SEL-01"));

    private final LabelQrCodec codec = codec();
    private final CountingIndex index = new CountingIndex();
    private final CountingHistory history = new CountingHistory();
    private final LabelResolver resolver = new LabelResolver(codec, index, history, new SameCarrierOnly());

    @Test
    void aTamperedLabelIsRejectedAsForgedWithoutReadingTheDatabase() {
        String genuine = codec.encode(LabelReference.mint(RANDOM));
        String tampered = genuine.substring(0, 50) + (genuine.charAt(50) == 'Q' ? 'R' : 'Q') + genuine.substring(51);

        assertRejected(tampered, LabelRejection.LABEL_FORGED);
        assertThat(index.reads + history.reads).isZero();
    }

    @Test
    void aLabelOfAnotherSignerIsRejectedAsForgedWithoutReadingTheDatabase() {
        assertRejected(codec().encode(LabelReference.mint(RANDOM)), LabelRejection.LABEL_FORGED);
        assertThat(index.reads + history.reads).isZero();
    }

    @Test
    void textThatIsNoLabelIsRejectedAsMalformedWithoutReadingTheDatabase() {
        assertRejected("https://example.com/parcel?name=Kim", LabelRejection.LABEL_MALFORMED);
        assertThat(index.reads + history.reads).isZero();
    }

    @Test
    void aGenuineLabelIsLookedUpOnlyAfterItsSignatureHeld() {
        assertRejected(codec.encode(LabelReference.mint(RANDOM)), LabelRejection.LABEL_UNKNOWN);
        assertThat(index.reads).isEqualTo(1);
    }

    private void assertRejected(String qrText, LabelRejection rejection) {
        assertThatThrownBy(() -> resolver.resolve(qrText, COURIER))
                .isInstanceOfSatisfying(LabelRejectedException.class, e -> assertThat(e.rejection()).isEqualTo(rejection));
    }

    private static LabelQrCodec codec() {
        return new LabelQrCodec(LabelKeyRing.of(new JWKSet(LabelKeyRing.generateKey(RANDOM)), null, Set.of()), BASE);
    }

    /** Stands in for the label_reference table and counts every lookup; it knows no references. */
    private static final class CountingIndex extends LabelReferenceIndex {
        int reads;

        CountingIndex() {
            super(null);
        }

        @Override
        public Optional<WaybillId> waybillOf(LabelReference reference) {
            reads++;
            return Optional.empty();
        }
    }

    /** Stands in for the event store and counts every read; it knows no waybills. */
    private static final class CountingHistory extends WaybillLabelHistory {
        int reads;

        CountingHistory() {
            super(null);
        }

        @Override
        public Optional<WaybillLabelFacts> factsOf(WaybillId waybillId) {
            reads++;
            return Optional.empty();
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
