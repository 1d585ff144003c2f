package com.exqress.waybill;

import com.exqress.waybill.api.LabelReference;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LabelReferenceTest {

    @Test
    void mintedReferenceIs32UpperCaseHexDigits() {
        LabelReference reference = LabelReference.mint(new SecureRandom());

        assertThat(reference.value()).matches("[0-9A-F]{32}");
    }

    @Test
    void twoMintedReferencesDiffer() {
        SecureRandom random = new SecureRandom();

        assertThat(LabelReference.mint(random)).isNotEqualTo(LabelReference.mint(random));
    }

    @Test
    void lowerCaseOrShortValuesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LabelReference("0123456789abcdef0123456789abcdef"));
        assertThatIllegalArgumentException().isThrownBy(() -> new LabelReference("0123456789ABCDEF"));
    }
}
