package com.exqress.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/** Reads a rendered label back the way a scanner would. */
final class Scans {

    private Scans() {
    }

    static String qr(BufferedImage image) {
        return scan(image, BarcodeFormat.QR_CODE);
    }

    static String code128(BufferedImage image) {
        return scan(image, BarcodeFormat.CODE_128);
    }

    private static String scan(BufferedImage image, BarcodeFormat format) {
        Map<DecodeHintType, Object> hints = Map.of(
                DecodeHintType.TRY_HARDER, Boolean.TRUE,
                DecodeHintType.POSSIBLE_FORMATS, List.of(format));
        try {
            Result result = new MultiFormatReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints);
            return result.getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no " + format + " found in the image", e);
        }
    }
}
