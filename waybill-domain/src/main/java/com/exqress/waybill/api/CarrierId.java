package com.exqress.waybill.api;

import java.util.regex.Pattern;

/** A carrier (courier company) by its three-letter code, for example {@code SWP}. */
public record CarrierId(String code) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}");

    public CarrierId {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("carrier code must be three upper-case letters");
        }
    }

    public static boolean isWellFormed(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }

    @Override
    public String toString() {
        return code;
    }
}
