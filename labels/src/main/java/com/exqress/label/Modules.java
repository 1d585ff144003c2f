package com.exqress.label;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable grid of barcode modules, dark or light, without a quiet zone. Both the QR code (square
 * grid) and Code 128 (a single row) are held this way so every renderer draws them with one routine.
 */
public final class Modules {

    private final int width;
    private final int height;
    private final boolean[] dark; // row-major

    private Modules(int width, int height, boolean[] dark) {
        this.width = width;
        this.height = height;
        this.dark = dark;
    }

    static Modules of(ByteMatrix matrix) {
        boolean[] dark = new boolean[matrix.getWidth() * matrix.getHeight()];
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                dark[y * matrix.getWidth() + x] = matrix.get(x, y) == 1;
            }
        }
        return new Modules(matrix.getWidth(), matrix.getHeight(), dark);
    }

    static Modules row(boolean[] row) {
        return new Modules(row.length, 1, row.clone());
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean isDark(int x, int y) {
        return dark[y * width + x];
    }

    /**
     * The dark modules as rectangles in dots, each horizontal run of dark modules merged into one: a
     * version-8 QR code has about 1,250 dark modules but only about 600 runs, which keeps SVG and PDF
     * small and leaves fewer edges where anti-aliasing viewers could show hairline seams.
     */
    public List<Rect> darkRuns(int originX, int originY, int moduleWidth, int moduleHeight) {
        List<Rect> runs = new ArrayList<>();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!isDark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && isDark(x, y)) {
                    x++;
                }
                runs.add(new Rect(originX + start * moduleWidth, originY + y * moduleHeight,
                        (x - start) * moduleWidth, moduleHeight));
            }
        }
        return List.copyOf(runs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Modules m && m.width == width && m.height == height && Arrays.equals(m.dark, dark);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(dark);
    }

    @Override
    public String toString() {
        return "Modules[" + width + " x " + height + "]";
    }
}
