package com.exqress.label;

import org.apache.fontbox.afm.CharMetric;
import org.apache.fontbox.afm.FontMetrics;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Estimates how wide a line of text prints, so the one shared layout can shrink a long carrier name or
 * routing code to fit. Each format draws with a different font (DejaVu Sans or whatever "SansSerif" is
 * for PNG and SVG, Helvetica for PDF, the printer's font 0 for ZPL), so it measures with Helvetica's
 * metrics, which ship inside PDFBox and so are the same on every machine, and adds 30%: DejaVu Sans
 * Bold, the widest of them, measured up to 26% wider than Helvetica Bold.
 */
final class TextMetrics {

    private static final double WIDEST_FONT_FACTOR = 1.3;
    /** Anything not in Helvetica's ASCII table (accents, Hangul) is assumed a full em wide. */
    private static final float UNKNOWN_WIDTH = 1000;
    private static final float[] REGULAR = asciiWidths("Helvetica");
    private static final float[] BOLD = asciiWidths("Helvetica-Bold");
    /** Capital letters are 0.718 em high in Helvetica; used to centre text vertically in a box. */
    static final double CAP_HEIGHT = Standard14Fonts.getAFM("Helvetica").getCapHeight() / 1000;
    /** How far ink may rise above and fall below the baseline, in em, generously (accents, descenders). */
    static final double ASCENT = 0.8;
    static final double DESCENT = 0.22;

    private TextMetrics() {
    }

    /** The width in dots that {@code text} may take at {@code size} dots, in the widest font used. */
    static int width(String text, int size, boolean bold) {
        float[] widths = bold ? BOLD : REGULAR;
        double em = text.codePoints().mapToDouble(c -> c < 128 ? widths[c] : UNKNOWN_WIDTH).sum() / 1000;
        return (int) Math.ceil(em * size * WIDEST_FONT_FACTOR);
    }

    /** The largest size up to {@code maxSize} at which {@code text} fits {@code maxWidth} dots. */
    static int fit(String text, int maxSize, int maxWidth, boolean bold) {
        int size = maxSize;
        while (size > 1 && width(text, size, bold) > maxWidth) {
            size--;
        }
        return size;
    }

    private static float[] asciiWidths(String fontName) {
        FontMetrics afm = Standard14Fonts.getAFM(fontName);
        float[] widths = new float[128];
        java.util.Arrays.fill(widths, UNKNOWN_WIDTH);
        // Helvetica's built-in StandardEncoding matches ASCII for every printable character but the two
        // quotes, whose widths differ from ASCII's by less than the 30% margin.
        for (CharMetric metric : afm.getCharMetrics()) {
            int code = metric.getCharacterCode();
            if (code >= 32 && code < 127) {
                widths[code] = metric.getWx();
            }
        }
        return widths;
    }
}
