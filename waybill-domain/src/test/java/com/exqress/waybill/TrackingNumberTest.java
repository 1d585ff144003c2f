package com.exqress.waybill;

import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.CreateWaybill;
import com.exqress.waybill.api.ServiceLevel;
import com.exqress.waybill.api.TrackingNumber;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingNumberTest {

    private static final CarrierId SWP = new CarrierId("SWP");

    @Test
    void generatedNumberIsTheCarrierCodeFollowedByElevenDigitsAndIsValid() {
        TrackingNumber number = TrackingNumber.generate(SWP, new SecureRandom());

        assertThat(number.value()).startsWith("SWP").hasSize(14);
        assertThat(number.value().substring(3)).containsOnlyDigits();
        assertThat(TrackingNumber.isValid(number.value())).isTrue();
        assertThat(number.carrier()).isEqualTo(SWP);
    }

    @Test
    void anySingleChangedDigitFailsValidation() {
        String valid = TrackingNumber.generate(SWP, new SplittableRandom(42)).value();

        for (int position = 3; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String mistyped = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertThat(TrackingNumber.isValid(mistyped)).as(mistyped + " (from " + valid + ")").isFalse();
            }
        }
    }

    @Test
    void twoNumbersFromASecureRandomDiffer() {
        SecureRandom random = new SecureRandom();

        assertThat(TrackingNumber.generate(SWP, random)).isNotEqualTo(TrackingNumber.generate(SWP, random));
    }

    @Test
    void parsingRejectsAWrongCheckDigit() {
        assertThat(new TrackingNumber("SWP48271639501").value()).isEqualTo("SWP48271639501");

        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingNumber("SWP48271639502"));
    }

    @Test
    void malformedNumbersAreInvalid() {
        assertThat(TrackingNumber.isValid(null)).isFalse();
        assertThat(TrackingNumber.isValid("swp48271639501")).isFalse();
        assertThat(TrackingNumber.isValid("SWP4827163950")).isFalse();
        assertThat(TrackingNumber.isValid("SWP482716395011")).isFalse();
    }

    @Test
    void createCommandRefusesATrackingNumberOfAnotherCarrier() {
        TrackingNumber nrtNumber = TrackingNumber.generate(new CarrierId("NRT"), new java.util.Random(7));
        assertThatThrownBy(() -> new CreateWaybill(WaybillFixtures.WAYBILL_ID, nrtNumber, WaybillFixtures.SWP,
                ServiceLevel.STANDARD, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
