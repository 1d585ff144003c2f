package com.exqress.label;

import com.exqress.label.LabelElement.Barcode;
import com.exqress.label.LabelElement.QrCode;
import com.exqress.label.LabelElement.Rule;
import com.exqress.label.LabelElement.Text;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.MultiPixelPackedSampleModel;
import java.util.Arrays;
import java.util.List;

/**
 * A 1-bit 812 x 1218 PNG: a thermal printer prints only black or white, so a bilevel image with
 * anti-aliasing off shows exactly what it will print, and stays small.
 */
public final class PngLabelRenderer implements LabelRenderer {

    /**
     * 8 dots/mm, the true resolution of a "203 dpi" print head (203.2 dpi), so a viewer or a print
     * dialog prints the image at 4 x 6 in instead of guessing 72 or 96 dpi.
     */
    static final int PIXELS_PER_METRE = 8000;
    /** Eight white pixels of a {@code TYPE_BYTE_BINARY} image, whose default palette has white at index 1. */
    private static final byte ALL_WHITE = (byte) 0xFF;
    private static final byte ALL_BLACK = 0;

    @Override
    public LabelFormat format() {
        return LabelFormat.PNG;
    }

    @Override
    public byte[] render(LabelContent content) {
        return BilevelPngEncoder.encode(draw(LabelLayout.of(content)), PIXELS_PER_METRE);
    }

    static BufferedImage draw(LabelLayout layout) {
        BufferedImage image = whiteImage(layout.width(), layout.height());
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setColor(Color.BLACK);
            for (LabelElement element : layout.elements()) {
                if (element instanceof Text t) {
                    g.setFont(new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, t.size()));
                    g.drawString(t.text(), t.x(), t.baseline());
                } else if (element instanceof Rule r) {
                    ink(image, r.bounds());
                } else if (element instanceof QrCode q) {
                    ink(image, q.bars());
                } else if (element instanceof Barcode b) {
                    ink(image, b.bars());
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * A 1-bit image, all white. A new one is all black (palette index 0); setting every packed byte to
     * white takes microseconds, where a white {@code fillRect} over a label took 0.7 ms.
     */
    static BufferedImage whiteImage(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Arrays.fill(pixels(image), ALL_WHITE);
        return image;
    }

    private static void ink(BufferedImage image, List<Rect> bars) {
        for (Rect bar : bars) {
            ink(image, bar);
        }
    }

    /**
     * Blackens a rectangle of a {@link #whiteImage} straight in its packed raster, whole bytes where it
     * covers them: a QR symbol is about 600 rectangles, and {@code Graphics2D.fillRect} cost several times
     * as much per rectangle.
     *
     * @throws IllegalArgumentException if the rectangle is not inside the image
     */
    static void ink(BufferedImage image, Rect bar) {
        if (!new Rect(0, 0, image.getWidth(), image.getHeight()).contains(bar)) {
            throw new IllegalArgumentException(bar + " is not inside the " + image.getWidth() + " x " + image.getHeight() + " image");
        }
        byte[] pixels = pixels(image);
        int stride = ((MultiPixelPackedSampleModel) image.getSampleModel()).getScanlineStride();
        for (int y = bar.y(); y < bar.bottom(); y++) {
            int row = y * stride;
            int x = bar.x();
            while (x < bar.right()) {
                if (x % 8 == 0 && x + 8 <= bar.right()) {
                    pixels[row + x / 8] = ALL_BLACK;
                    x += 8;
                } else {
                    pixels[row + x / 8] &= (byte) ~(0x80 >>> (x % 8));
                    x++;
                }
            }
        }
    }

    /** The packed pixels: 8 a byte, the leftmost in the high bit, 1 white and 0 black. */
    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
