package com.exqress.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ZplLabelRendererTest {

    private final String zpl = new String(new ZplLabelRenderer().render(LabelFixtures.CONTENT), StandardCharsets.UTF_8);

    @Test
    void isOneUtf8LabelFormatOfFourBySixInchesAt203Dpi() {
        assertThat(zpl).startsWith("^XA").endsWith("^XZ\n").contains("^CI28", "^PW812", "^LL1218");
        assertThat(zpl.indexOf("^XA")).isEqualTo(zpl.lastIndexOf("^XA"));
    }

    @Test
    void qrCodeIsModel2AtLevelQWithOneMillimetreModules() {
        assertThat(zpl).contains("^BQN,2,8^FDQA," + LabelFixtures.QR_TEXT + "^FS");
    }

    @Test
    void code128CarriesTheTrackingNumber() {
        assertThat(zpl).containsPattern("\\^BCN,140,N,N,N,A\\^FDSWP4812345678KR\\^FS");
    }

    @Test
    void showsTheSixFieldsAsText() {
        for (String shown : LabelFixtures.SHOWN) {
            assertThat(zpl).contains("^FD" + shown + "^FS");
        }
    }

    @Test
    void caretAndTildeInTextAreSentAsHexEscapes() {
        String tricky = new String(new ZplLabelRenderer().render(LabelFixtures.withCarrierName("A^XZ~JR_B")),
                StandardCharsets.UTF_8);

        assertThat(tricky).contains("^FH_^FDA_5EXZ_7EJR_5FB^FS");
        assertThat(tricky.indexOf("^XZ")).as("only the real end of the label").isEqualTo(tricky.length() - 4);
    }

    @Test
    void greaterThanInTheTrackingNumberIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ZplLabelRenderer().render(LabelFixtures.withTrackingNumber("SWP>12345")));
    }

    @Test
    void nonAsciiTextIsSentAsUtf8() {
        byte[] hangul = new ZplLabelRenderer().render(LabelFixtures.withCarrierName("스위프트"));

        assertThat(new String(hangul, StandardCharsets.UTF_8)).contains("^FD스위프트^FS");
    }
}
