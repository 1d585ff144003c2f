package com.exqress.label;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

import java.util.Map;

/** Encodes the label's two symbols: the QR code with the signed reference and the Code 128 tracking number. */
public final class Barcodes {

    /**
     * Level Q restores up to 25% of the symbol, which survives a scuffed or partly taped-over label;
     * version 8 (49 modules) at 8 dots a module plus the quiet zone is the largest QR code that still
     * leaves room for the routing box and tracking barcode on a 4 x 6 in label at 203 dpi.
     */
    public static final ErrorCorrectionLevel QR_ERROR_CORRECTION = ErrorCorrectionLevel.Q;
    public static final int QR_MAX_VERSION = 8;
    /** The largest QR code this label prints, in modules, without quiet zone: 17 + 4 per version. */
    public static final int QR_MAX_SIZE = 17 + 4 * QR_MAX_VERSION;

    private Barcodes() {
    }

    /** A QR code at level Q and the version ZXing chose for it: the smallest that holds the text. */
    public record QrSymbol(String text, int version, Modules modules) {
    }

    /**
     * Encodes {@code text} as a QR code at level Q.
     *
     * @throws IllegalArgumentException if the text needs a version above 8, or holds anything but printable
     *                                  ASCII (ZXing would encode other characters as ISO-8859-1 and
     *                                  silently turn the rest into '?', and a ZPL printer given the same
     *                                  text might encode it differently)
     */
    public static QrSymbol qr(String text) {
        requirePrintableAscii(text, "QR text");
        QRCode code;
        try {
            code = Encoder.encode(text, QR_ERROR_CORRECTION);
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR text too long even for version 40: " + text.length() + " chars", e);
        }
        int version = code.getVersion().getVersionNumber();
        if (version > QR_MAX_VERSION) {
            throw new IllegalArgumentException("QR text of " + text.length() + " chars needs version " + version
                    + " at level Q; a 4 x 6 in label fits at most version " + QR_MAX_VERSION);
        }
        if (!StandardDetector.reads(code.getMatrix())) {
            code = readableWithAnotherMask(text, code.getMaskPattern());
        }
        return new QrSymbol(text, version, Modules.of(code.getMatrix()));
    }

    /**
     * ZXing's general detector, which many scanner apps use, fails on about one symbol in a hundred even
     * when it is printed perfectly: data modules happen to look like a finder pattern. The mask pattern
     * changes every data module without changing the content, so another mask gives a symbol it reads.
     */
    private static QRCode readableWithAnotherMask(String text, int rejectedMask) {
        for (int mask = 0; mask < 8; mask++) {
            if (mask == rejectedMask) {
                continue;
            }
            try {
                QRCode candidate = Encoder.encode(text, QR_ERROR_CORRECTION, Map.of(EncodeHintType.QR_MASK_PATTERN, mask));
                if (StandardDetector.reads(candidate.getMatrix())) {
                    return candidate;
                }
            } catch (WriterException e) {
                throw new IllegalStateException("ZXing refused a mask pattern for text it encoded before", e);
            }
        }
        throw new IllegalStateException("no mask pattern gives a QR code that ZXing's detector reads");
    }

    /**
     * Encodes {@code text} as one row of Code 128 modules, without quiet zones.
     *
     * @throws IllegalArgumentException unless the text is printable ASCII: ZXing would otherwise read
     *                                  some characters (U+00F1 to U+00F4) as function codes
     */
    public static Modules code128(String text) {
        requirePrintableAscii(text, "Code 128 text");
        return Modules.row(new Code128Writer().encode(text));
    }

    private static void requirePrintableAscii(String text, String what) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(what + " holds a character that is not printable ASCII at index " + i);
            }
        }
    }
}
