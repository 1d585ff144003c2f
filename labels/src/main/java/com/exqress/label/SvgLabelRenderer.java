package com.exqress.label;

import com.exqress.label.LabelElement.Barcode;
import com.exqress.label.LabelElement.QrCode;
import com.exqress.label.LabelElement.Rule;
import com.exqress.label.LabelElement.Text;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An SVG 1.1 document 4 x 6 in whose user units are printer dots, so it scales to any screen while its
 * coordinates stay those of the printed label. Written by hand: the format is simple and a library
 * would add weight, not safety.
 */
public final class SvgLabelRenderer implements LabelRenderer {

    /** DejaVu Sans first because that is what the PNG renderer's "SansSerif" is on most Linux hosts. */
    static final String FONT_FAMILY = "DejaVu Sans, Helvetica, Arial, sans-serif";

    @Override
    public LabelFormat format() {
        return LabelFormat.SVG;
    }

    @Override
    public byte[] render(LabelContent content) {
        LabelLayout layout = LabelLayout.of(content);
        StringBuilder svg = new StringBuilder(32_768);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"4in\" height=\"6in\"")
                .append(" viewBox=\"0 0 ").append(layout.width()).append(' ').append(layout.height()).append('"')
                // crispEdges keeps viewers from anti-aliasing the seams between adjacent module rectangles.
                .append(" fill=\"#000\" shape-rendering=\"crispEdges\" font-family=\"").append(FONT_FAMILY).append("\">\n")
                .append("<rect width=\"").append(layout.width()).append("\" height=\"").append(layout.height())
                .append("\" fill=\"#fff\"/>\n");
        for (LabelElement element : layout.elements()) {
            if (element instanceof Text t) {
                svg.append("<text x=\"").append(t.x()).append("\" y=\"").append(t.baseline())
                        .append("\" font-size=\"").append(t.size()).append('"')
                        .append(t.bold() ? " font-weight=\"bold\"" : "")
                        .append('>').append(escape(t.text())).append("</text>\n");
            } else if (element instanceof Rule r) {
                rect(svg, r.bounds());
            } else if (element instanceof QrCode q) {
                rects(svg, q.bars());
            } else if (element instanceof Barcode b) {
                rects(svg, b.bars());
            }
        }
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void rects(StringBuilder svg, List<Rect> bars) {
        for (Rect bar : bars) {
            rect(svg, bar);
        }
    }

    private static void rect(StringBuilder svg, Rect r) {
        svg.append("<rect x=\"").append(r.x()).append("\" y=\"").append(r.y())
                .append("\" width=\"").append(r.width()).append("\" height=\"").append(r.height()).append("\"/>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
