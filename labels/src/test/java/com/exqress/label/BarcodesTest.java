package com.exqress.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BarcodesTest {

    @Test
    void signedReferenceFitsVersion8AtLevelQ() {
        Barcodes.QrSymbol symbol = Barcodes.qr(LabelFixtures.QR_TEXT);

        assertThat(LabelFixtures.QR_TEXT).hasSize(151);
        assertThat(symbol.version()).isEqualTo(8);
        assertThat(symbol.modules().width()).isEqualTo(49);
        assertThat(symbol.modules().height()).isEqualTo(49);
        assertThat(symbol.text()).isEqualTo(LabelFixtures.QR_TEXT);
    }

    @Test
    void version8AtLevelQHoldsAtMost157AlphanumericCharacters() {
        assertThat(Barcodes.qr("A".repeat(157)).version()).isEqualTo(8);
        assertThatIllegalArgumentException().isThrownBy(() -> Barcodes.qr("A".repeat(158)))
                .withMessageContaining("version 9");
    }

    @Test
    void qrTextNeedingMoreThanVersion8IsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Barcodes.qr(LabelFixtures.QR_TEXT + "ABCDEFG"))
                .withMessageContaining("at most version 8");
    }

    @Test
    void shortTextGivesSmallerVersion() {
        assertThat(Barcodes.qr("HTTPS://EXQ.RS/L/ABC").version()).isLessThan(8);
    }

    @Test
    void nonAsciiQrTextIsRefusedRatherThanSilentlyMangled() {
        assertThatIllegalArgumentException().isThrownBy(() -> Barcodes.qr("HTTPS://EXQ.RS/L/Ä"));
        assertThatIllegalArgumentException().isThrownBy(() -> Barcodes.qr("A\nB"));
        assertThatIllegalArgumentException().isThrownBy(() -> Barcodes.qr(""));
    }

    @Test
    void code128IsOneRowStartingAndEndingWithABar() {
        Modules modules = Barcodes.code128("SWP4812345678KR");

        assertThat(modules.height()).isEqualTo(1);
        assertThat(modules.isDark(0, 0)).isTrue();
        assertThat(modules.isDark(modules.width() - 1, 0)).isTrue();
        // Start, check and stop symbols take 35 modules, each data symbol 11.
        assertThat((modules.width() - 35) % 11).isZero();
    }

    @Test
    void darkRunsMergeAdjacentModules() {
        Modules row = Barcodes.code128("A");

        int darkModules = 0;
        for (int x = 0; x < row.width(); x++) {
            darkModules += row.isDark(x, 0) ? 1 : 0;
        }
        var runs = row.darkRuns(10, 20, 2, 50);

        assertThat(runs).allSatisfy(r -> {
            assertThat(r.y()).isEqualTo(20);
            assertThat(r.height()).isEqualTo(50);
        });
        assertThat(runs.stream().mapToInt(Rect::width).sum()).isEqualTo(2 * darkModules);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).x()).as("a light gap between runs").isGreaterThan(runs.get(i - 1).right());
        }
    }
}
