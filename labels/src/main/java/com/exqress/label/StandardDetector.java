package com.exqress.label;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.encoder.ByteMatrix;

import java.util.Arrays;
import java.util.Map;

/**
 * Reads a QR symbol back the way a scanner app built on ZXing would, both in its quick and its thorough
 * mode, from a clean render at 4 pixels a module (whether ZXing finds a symbol does not depend on the
 * module size, measured from 4 to 10).
 */
final class StandardDetector {

    private static final int PIXELS_PER_MODULE = 4;
    private static final int QUIET_ZONE_MODULES = 4;
    private static final byte WHITE = (byte) 0xFF;

    private StandardDetector() {
    }

    static boolean reads(ByteMatrix symbol) {
        int side = (symbol.getWidth() + 2 * QUIET_ZONE_MODULES) * PIXELS_PER_MODULE;
        byte[] luminance = new byte[side * side];
        Arrays.fill(luminance, WHITE);
        for (int y = 0; y < symbol.getHeight(); y++) {
            for (int x = 0; x < symbol.getWidth(); x++) {
                if (symbol.get(x, y) == 1) {
                    paintModule(luminance, side, x + QUIET_ZONE_MODULES, y + QUIET_ZONE_MODULES);
                }
            }
        }
        PlanarYUVLuminanceSource source = new PlanarYUVLuminanceSource(luminance, side, side, 0, 0, side, side, false);
        return decodes(source, Map.of()) && decodes(source, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }

    private static boolean decodes(PlanarYUVLuminanceSource source, Map<DecodeHintType, ?> hints) {
        try {
            new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
            return true;
        } catch (ReaderException e) {
            return false;
        }
    }

    private static void paintModule(byte[] luminance, int side, int moduleX, int moduleY) {
        for (int dy = 0; dy < PIXELS_PER_MODULE; dy++) {
            int row = (moduleY * PIXELS_PER_MODULE + dy) * side + moduleX * PIXELS_PER_MODULE;
            Arrays.fill(luminance, row, row + PIXELS_PER_MODULE, (byte) 0);
        }
    }
}
