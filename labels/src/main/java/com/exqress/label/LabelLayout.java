package com.exqress.label;

import com.exqress.label.LabelElement.Barcode;
import com.exqress.label.LabelElement.QrCode;
import com.exqress.label.LabelElement.Rule;
import com.exqress.label.LabelElement.Text;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where everything on a 4 x 6 in label goes, in dots at 203 dpi (812 x 1218, origin top-left). Every
 * format renders this one layout, so a PNG preview, a PDF and a Zebra print of a label look alike.
 *
 * <p>From the top: carrier name, service, a rule, the routing code in a heavy box (the largest text, read
 * by sorters from a distance), tracking number as text and Code 128, weight and print date, a rule, and
 * the QR code. Nothing else is printed: no captions, no placeholders, no personal data.
 */
public record LabelLayout(int width, int height, List<LabelElement> elements) {

    public static final int WIDTH = 812;
    public static final int HEIGHT = 1218;
    /** Thermal print heads often leave the outer millimetres blank or blurred. */
    static final int MARGIN = 24;
    static final int CONTENT_WIDTH = WIDTH - 2 * MARGIN;
    /** 1 mm at 203 dpi: big enough for a phone camera at arm's length. */
    static final int QR_MODULE = 8;
    /** Thinner bars smear on thermal printers; wider ones scan from further away. */
    static final int BARCODE_MIN_MODULE = 2;
    static final int BARCODE_MAX_MODULE = 4;
    /** Below this text stops being legible on a thermal print, so such a label is refused instead. */
    static final int MIN_TEXT_SIZE = 24;
    private static final int ROUTING_BORDER = 8;
    private static final int ROUTING_PADDING = 20;

    public LabelLayout {
        elements = List.copyOf(elements);
    }

    /**
     * Lays out a label.
     *
     * @throws IllegalArgumentException if the QR text needs a version above 8, the tracking number is
     *                                  not printable ASCII or too long for a Code 128 across the label, a
     *                                  text cannot fit legibly, or the weight is negative
     */
    public static LabelLayout of(LabelContent content) {
        if (content.weightGrams() < 0) {
            throw new IllegalArgumentException("negative weight: " + content.weightGrams());
        }
        List<LabelElement> elements = new ArrayList<>();

        elements.add(text(MARGIN, 84, 64, true, content.carrierName(), CONTENT_WIDTH));
        elements.add(text(MARGIN, 144, 40, true, content.service(), CONTENT_WIDTH));
        elements.add(new Rule(MARGIN, 160, CONTENT_WIDTH, 4));

        routingBox(elements, content.routingCode(), new Rect(MARGIN, 180, CONTENT_WIDTH, 200));

        elements.add(text(MARGIN, 440, 48, true, content.trackingNumber(), CONTENT_WIDTH));
        elements.add(code128(content.trackingNumber(), 460, 140));

        int half = CONTENT_WIDTH / 2;
        elements.add(text(MARGIN, 660, 40, false, weight(content.weightGrams()), half - 12));
        elements.add(text(MARGIN + half + 12, 660, 40, false,
                DateTimeFormatter.ISO_LOCAL_DATE.format(content.printedOn()), half - 12));
        elements.add(new Rule(MARGIN, 680, CONTENT_WIDTH, 4));

        elements.add(qrCode(content.qrText()));
        return new LabelLayout(WIDTH, HEIGHT, elements);
    }

    /** "1.2 kg" for 1200 g: exact, never rounded, and the same in every locale. */
    static String weight(int grams) {
        return BigDecimal.valueOf(grams, 3).stripTrailingZeros().toPlainString() + " kg";
    }

    /** A text at most {@code maxSize} dots high, shrunk until it fits {@code maxWidth}. */
    private static Text text(int x, int baseline, int maxSize, boolean bold, String raw, int maxWidth) {
        String text = printable(raw);
        int size = TextMetrics.fit(text, maxSize, maxWidth, bold);
        if (size < MIN_TEXT_SIZE) {
            throw new IllegalArgumentException("\"" + text + "\" is too long to print legibly in " + maxWidth + " dots");
        }
        return new Text(x, baseline, size, bold, text);
    }

    /** The routing code, as large as fits, centred vertically in a frame drawn as four rules. */
    private static void routingBox(List<LabelElement> elements, String routingCode, Rect box) {
        int b = ROUTING_BORDER;
        elements.add(new Rule(box.x(), box.y(), box.width(), b));
        elements.add(new Rule(box.x(), box.bottom() - b, box.width(), b));
        elements.add(new Rule(box.x(), box.y() + b, b, box.height() - 2 * b));
        elements.add(new Rule(box.right() - b, box.y() + b, b, box.height() - 2 * b));
        int inset = b + ROUTING_PADDING;
        Text probe = text(box.x() + inset, 0, 120, true, routingCode, box.width() - 2 * inset);
        int baseline = box.y() + (box.height() + (int) Math.round(probe.size() * TextMetrics.CAP_HEIGHT)) / 2;
        elements.add(new Text(probe.x(), baseline, probe.size(), true, probe.text()));
    }

    /** Centred, with bars as wide as fit (2 to 4 dots) including the quiet zones. */
    private static Barcode code128(String trackingNumber, int y, int height) {
        Modules modules = Barcodes.code128(trackingNumber);
        int moduleWidth = Math.min(BARCODE_MAX_MODULE, WIDTH / (modules.width() + 2 * Barcode.QUIET_ZONE));
        if (moduleWidth < BARCODE_MIN_MODULE) {
            throw new IllegalArgumentException("tracking number too long for a Code 128 across the label: "
                    + trackingNumber.length() + " chars");
        }
        int x = (WIDTH - modules.width() * moduleWidth) / 2;
        return new Barcode(x, y, moduleWidth, height, modules, trackingNumber);
    }

    /**
     * The QR code at the bottom, centred in the square a version-8 symbol with its quiet zone needs
     * ((49 + 2 x 4) x 8 = 456 dots), so a shorter text gives a smaller code in the same place.
     */
    private static QrCode qrCode(String qrText) {
        Barcodes.QrSymbol symbol = Barcodes.qr(qrText);
        int reserved = (Barcodes.QR_MAX_SIZE + 2 * QrCode.QUIET_ZONE) * QR_MODULE;
        int left = (WIDTH - reserved) / 2;
        int top = HEIGHT - MARGIN - reserved;
        int offset = (reserved - symbol.modules().width() * QR_MODULE) / 2;
        return new QrCode(left + offset, top + offset, QR_MODULE, symbol.modules(), qrText);
    }

    /**
     * A label prints each field on one line, and XML 1.0 (SVG) forbids most control characters, so
     * line breaks and other controls in a display field become spaces, and a broken surrogate pair, which
     * no format can carry, the replacement character.
     */
    private static String printable(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            boolean loneSurrogate = c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
            out.appendCodePoint(Character.isISOControl(c) ? ' ' : loneSurrogate ? 0xFFFD : c);
        });
        return out.toString().strip();
    }
}
