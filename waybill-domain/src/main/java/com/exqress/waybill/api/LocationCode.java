package com.exqress.waybill.api;

import java.util.regex.Pattern;

/** Where something happened: a hub code such as {@code SEL-01} or another operational location code. */
public record LocationCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");

    public LocationCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("location code must be 2-20 upper-case letters, digits or dashes");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
