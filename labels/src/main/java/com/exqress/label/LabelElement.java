package com.exqress.label;

import java.util.List;

/**
 * One thing printed on a label, in printer dots (203 dpi, origin top-left). The renderers differ only in
 * how they draw these; none decides where anything goes.
 */
public sealed interface LabelElement
        permits LabelElement.Text, LabelElement.Rule, LabelElement.QrCode, LabelElement.Barcode {

    /** The area the element may ink, including a barcode's quiet zone; no two elements' bounds overlap. */
    Rect bounds();

    /**
     * A line of black text.
     *
     * @param x        the left edge of the text
     * @param baseline the baseline, which every format (Java2D, SVG, PDF, ZPL's {@code ^FT}) positions by
     * @param size     the font size (em) in dots
     */
    record Text(int x, int baseline, int size, boolean bold, String text) implements LabelElement {

        @Override
        public Rect bounds() {
            int top = baseline - (int) Math.ceil(size * TextMetrics.ASCENT);
            int bottom = baseline + (int) Math.ceil(size * TextMetrics.DESCENT);
            return new Rect(x, top, TextMetrics.width(text, size, bold), bottom - top);
        }
    }

    /** A solid black rectangle: a rule between sections or a side of the routing box. */
    record Rule(int x, int y, int width, int height) implements LabelElement {

        @Override
        public Rect bounds() {
            return new Rect(x, y, width, height);
        }
    }

    /**
     * A QR code. The text is kept beside the modules so that ZPL can let the printer encode it natively.
     *
     * @param x          the left edge of the symbol, not of its quiet zone
     * @param y          the top edge of the symbol, not of its quiet zone
     * @param moduleSize the side of one module in dots
     */
    record QrCode(int x, int y, int moduleSize, Modules modules, String text) implements LabelElement {

        /** ISO/IEC 18004 requires 4 light modules around the symbol. */
        public static final int QUIET_ZONE = 4;

        public List<Rect> bars() {
            return modules.darkRuns(x, y, moduleSize, moduleSize);
        }

        @Override
        public Rect bounds() {
            int quiet = QUIET_ZONE * moduleSize;
            return new Rect(x - quiet, y - quiet, modules.width() * moduleSize + 2 * quiet,
                    modules.height() * moduleSize + 2 * quiet);
        }
    }

    /**
     * A Code 128 barcode: one row of modules drawn {@code height} dots tall.
     *
     * @param x           the left edge of the first bar, not of the quiet zone
     * @param moduleWidth the width of the narrowest bar in dots
     */
    record Barcode(int x, int y, int moduleWidth, int height, Modules modules, String text) implements LabelElement {

        /** ISO/IEC 15417 requires 10 light modules either side. */
        public static final int QUIET_ZONE = 10;

        public List<Rect> bars() {
            return modules.darkRuns(x, y, moduleWidth, height);
        }

        @Override
        public Rect bounds() {
            int quiet = QUIET_ZONE * moduleWidth;
            return new Rect(x - quiet, y, modules.width() * moduleWidth + 2 * quiet, height);
        }
    }
}
