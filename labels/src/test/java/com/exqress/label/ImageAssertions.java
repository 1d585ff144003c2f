package com.exqress.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

/** Pixel-by-pixel comparison that names the first pixel that differs instead of dumping whole images. */
final class ImageAssertions {

    private ImageAssertions() {
    }

    static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).as("width").isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).as("height").isEqualTo(expected.getHeight());
        int differing = 0;
        String first = "none";
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
                    if (differing == 0) {
                        first = String.format("(%d, %d): %08x instead of %08x", x, y, actual.getRGB(x, y), expected.getRGB(x, y));
                    }
                    differing++;
                }
            }
        }
        assertThat(differing).as("pixels that differ; the first: " + first).isZero();
    }
}
