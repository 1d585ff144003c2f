package com.exqress.waybill.api;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The opaque reference a label's QR code carries: 128 random bits, unrelated to the waybill id,
 * the tracking number or anyone's personal data. Encoded as 32 upper-case hex digits, which fit
 * the QR alphanumeric mode.
 */
public record LabelReference(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-F]{32}");

    public LabelReference {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("label reference must be 32 upper-case hex digits");
        }
    }

    /** Mints a new reference; pass a cryptographically strong generator such as {@code SecureRandom}. */
    public static LabelReference mint(RandomGenerator secureRandom) {
        byte[] bits = new byte[16];
        secureRandom.nextBytes(bits);
        StringBuilder hex = new StringBuilder(32);
        for (byte b : bits) {
            hex.append(String.format(Locale.ROOT, "%02X", b));
        }
        return new LabelReference(hex.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
