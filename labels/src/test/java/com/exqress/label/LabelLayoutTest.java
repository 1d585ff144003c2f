package com.exqress.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.exqress.label.LabelElement.Barcode;
import com.exqress.label.LabelElement.QrCode;
import com.exqress.label.LabelElement.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelLayoutTest {

    private final LabelLayout layout = LabelLayout.of(LabelFixtures.CONTENT);

    @Test
    void isFourBySixInchesAt203Dpi() {
        assertThat(layout.width()).isEqualTo(812);
        assertThat(layout.height()).isEqualTo(1218);
    }

    @Test
    void printsTheSixFieldsAndNothingElse() {
        assertThat(texts(layout)).extracting(Text::text).containsExactlyInAnyOrder(LabelFixtures.SHOWN);
    }

    @Test
    void routingCodeIsTheLargestText() {
        Text routing = texts(layout).stream().filter(t -> t.text().equals("BSN / BSN-01")).findFirst().orElseThrow();

        assertThat(texts(layout)).allSatisfy(t -> assertThat(t.size()).isLessThanOrEqualTo(routing.size()));
        assertThat(routing.size()).isGreaterThanOrEqualTo(72);
    }

    @Test
    void everythingLiesInsideTheMarginsAndNothingOverlaps() {
        Rect printable = new Rect(0, 0, layout.width(), layout.height());
        List<LabelElement> elements = layout.elements();

        for (int i = 0; i < elements.size(); i++) {
            assertThat(printable.contains(elements.get(i).bounds())).as("%s inside the label", elements.get(i)).isTrue();
            for (int j = i + 1; j < elements.size(); j++) {
                assertThat(elements.get(i).bounds().intersects(elements.get(j).bounds()))
                        .as("%s overlaps %s", elements.get(i), elements.get(j)).isFalse();
            }
        }
    }

    @Test
    void qrCodeHasOneMillimetreModulesAndRoomForAVersion8SymbolWithQuietZone() {
        QrCode qr = only(QrCode.class);

        assertThat(qr.moduleSize()).isEqualTo(8);
        assertThat(qr.modules().width()).isEqualTo(49);
        assertThat(qr.text()).isEqualTo(LabelFixtures.QR_TEXT);
        assertThat(qr.bounds().width()).isEqualTo((49 + 2 * 4) * 8).isEqualTo(456);
        assertThat(qr.bounds().x()).isGreaterThanOrEqualTo(LabelLayout.MARGIN);
        assertThat(qr.bounds().right()).isLessThanOrEqualTo(812 - LabelLayout.MARGIN);
        assertThat(qr.bounds().bottom()).isLessThanOrEqualTo(1218 - LabelLayout.MARGIN);
    }

    @Test
    void shorterQrTextGivesASmallerCodeInTheSamePlace() {
        QrCode big = only(QrCode.class);
        QrCode small = only(LabelLayout.of(LabelFixtures.withQrText("HTTPS://EXQ.RS/L/ABC")), QrCode.class);

        assertThat(small.modules().width()).isLessThan(big.modules().width());
        int centreBig = big.x() + big.modules().width() * 4;
        int centreSmall = small.x() + small.modules().width() * 4;
        assertThat(centreSmall).isEqualTo(centreBig);
    }

    @Test
    void trackingBarcodeCarriesTheTrackingNumberWithQuietZonesOnTheLabel() {
        Barcode barcode = only(Barcode.class);

        assertThat(barcode.text()).isEqualTo("SWP4812345678KR");
        assertThat(barcode.moduleWidth()).isBetween(2, 4);
        assertThat(barcode.bounds().x()).isGreaterThanOrEqualTo(0);
        assertThat(barcode.bounds().right()).isLessThanOrEqualTo(812);
    }

    @Test
    void longCarrierNameShrinksToFit() {
        LabelLayout longName = LabelLayout.of(LabelFixtures.withCarrierName("Swift Parcel International Logistics"));
        Text carrier = texts(longName).get(0);

        assertThat(carrier.size()).isLessThan(64);
        assertThat(carrier.bounds().right()).isLessThanOrEqualTo(812 - LabelLayout.MARGIN);
    }

    @Test
    void textTooLongToReadIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LabelLayout.of(LabelFixtures.withCarrierName("W".repeat(80))));
    }

    @Test
    void trackingNumberTooLongForCode128IsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LabelLayout.of(LabelFixtures.withTrackingNumber("AB".repeat(20))));
    }

    @Test
    void lineBreaksInAFieldBecomeSpaces() {
        LabelLayout broken = LabelLayout.of(LabelFixtures.withCarrierName("Swift\nParcel"));

        assertThat(texts(broken).get(0).text()).isEqualTo("Swift Parcel");
    }

    @Test
    void weightIsExactKilogramsInEveryLocale() {
        assertThat(LabelLayout.weight(1200)).isEqualTo("1.2 kg");
        assertThat(LabelLayout.weight(1234)).isEqualTo("1.234 kg");
        assertThat(LabelLayout.weight(1000)).isEqualTo("1 kg");
        assertThat(LabelLayout.weight(850)).isEqualTo("0.85 kg");
        assertThat(LabelLayout.weight(0)).isEqualTo("0 kg");
    }

    @Test
    void sameContentGivesTheSameLayout() {
        assertThat(LabelLayout.of(LabelFixtures.CONTENT)).isEqualTo(layout);
    }

    private static List<Text> texts(LabelLayout layout) {
        return layout.elements().stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
    }

    private <T extends LabelElement> T only(Class<T> type) {
        return only(layout, type);
    }

    private static <T extends LabelElement> T only(LabelLayout layout, Class<T> type) {
        List<T> found = layout.elements().stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
