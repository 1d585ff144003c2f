package com.exqress.label;

import com.exqress.label.LabelElement.Barcode;
import com.exqress.label.LabelElement.QrCode;
import com.exqress.label.LabelElement.Rule;
import com.exqress.label.LabelElement.Text;
import java.nio.charset.StandardCharsets;

/**
 * ZPL II for a 203 dpi Zebra printer, whose dots are the layout's dots. The barcodes are sent as data
 * ({@code ^BQ}, {@code ^BC}) for the printer to encode: sharper than bitmaps, and a few hundred bytes.
 */
public final class ZplLabelRenderer implements LabelRenderer {

    /** The {@code ^FH} hexadecimal indicator; it must itself be escaped wherever {@code ^FH} is on. */
    private static final char HEX_INDICATOR = '_';

    @Override
    public LabelFormat format() {
        return LabelFormat.ZPL;
    }

    @Override
    public byte[] render(LabelContent content) {
        LabelLayout layout = LabelLayout.of(content);
        StringBuilder zpl = new StringBuilder(1024);
        // ^CI28: field data is UTF-8; ^PW/^LL: the 4 x 6 in label in dots; ^LH0,0: no stored home offset.
        zpl.append("^XA\n^CI28\n^PW").append(layout.width()).append("\n^LL").append(layout.height()).append("\n^LH0,0\n");
        for (LabelElement element : layout.elements()) {
            if (element instanceof Text t) {
                // ^FT, not ^FO: it places text by its baseline, as the layout does, where ^FO would
                // place the top of a character cell whose height differs from font to font. Font 0 has
                // no bold face; it is a bold condensed font already.
                zpl.append("^FT").append(t.x()).append(',').append(t.baseline())
                        .append("^A0N,").append(t.size()).append(',').append(t.size())
                        .append(field(t.text())).append('\n');
            } else if (element instanceof Rule r) {
                // ^GB with a border as thick as the box's smaller side draws a solid rectangle.
                zpl.append("^FO").append(r.x()).append(',').append(r.y())
                        .append("^GB").append(r.width()).append(',').append(r.height()).append(',')
                        .append(Math.min(r.width(), r.height())).append("^FS\n");
            } else if (element instanceof QrCode q) {
                // Model 2, magnification = module size in dots; "QA,": level Q, automatic input mode.
                zpl.append("^FO").append(q.x()).append(',').append(q.y())
                        .append("^BQN,2,").append(q.moduleSize()).append(field("QA," + q.text())).append('\n');
            } else if (element instanceof Barcode b) {
                // '>' starts a subset invocation code in ^BC field data, even after ^FH; refuse it
                // rather than print a barcode that reads differently from the text above it.
                if (b.text().indexOf('>') >= 0) {
                    throw new IllegalArgumentException("ZPL cannot print '>' in a Code 128 tracking number");
                }
                // No interpretation line: the layout prints the number itself. Mode A: the printer
                // picks Code 128 subsets, switching to C for runs of digits as ZXing does.
                zpl.append("^BY").append(b.moduleWidth())
                        .append("^FO").append(b.x()).append(',').append(b.y())
                        .append("^BCN,").append(b.height()).append(",N,N,N,A").append(field(b.text())).append('\n');
            }
        }
        zpl.append("^XZ\n");
        return zpl.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code ^FD…^FS}. A '^' or '~' in field data would start a new command, so when one (or a control
     * character, or the hex indicator itself) occurs, the field is sent with {@code ^FH} and those
     * characters as {@code _XX} hex escapes; other fields stay readable as they are.
     */
    static String field(String data) {
        boolean needsHex = data.chars().anyMatch(ZplLabelRenderer::needsEscape);
        if (!needsHex) {
            return "^FD" + data + "^FS";
        }
        StringBuilder out = new StringBuilder("^FH").append(HEX_INDICATOR).append("^FD");
        data.chars().forEach(c -> {
            if (needsEscape(c)) {
                out.append(HEX_INDICATOR).append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append("^FS").toString();
    }

    private static boolean needsEscape(int c) {
        return c == '^' || c == '~' || c == HEX_INDICATOR || c < 0x20 || c == 0x7F;
    }
}
