package com.exqress.waybill.api;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The number a customer types to track a parcel: the carrier code, ten random digits and a Luhn
 * check digit, for example {@code SWP48271639501}. Random digits keep numbers from being guessed
 * in sequence; the check digit catches typing mistakes before any lookup.
 */
public record TrackingNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}[0-9]{11}");
    private static final int RANDOM_DIGITS = 10;

    public TrackingNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("tracking number must be a carrier code, 11 digits and a valid check digit");
        }
    }

    public static TrackingNumber generate(CarrierId carrier, RandomGenerator random) {
        StringBuilder digits = new StringBuilder(RANDOM_DIGITS + 1);
        for (int i = 0; i < RANDOM_DIGITS; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        digits.append(luhnCheckDigit(digits));
        return new TrackingNumber(carrier.code() + digits);
    }

    public static boolean isValid(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return false;
        }
        String digits = value.substring(3);
        char expected = luhnCheckDigit(digits.substring(0, digits.length() - 1));
        return digits.charAt(digits.length() - 1) == expected;
    }

    public CarrierId carrier() {
        return new CarrierId(value.substring(0, 3));
    }

    private static char luhnCheckDigit(CharSequence payload) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int digit = payload.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    @Override
    public String toString() {
        return value;
    }
}
