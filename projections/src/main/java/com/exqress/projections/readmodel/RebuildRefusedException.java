package com.exqress.projections.readmodel;

/** A rebuild cannot start now; the message says why and is safe to show. */
public class RebuildRefusedException extends RuntimeException {

    public RebuildRefusedException(String message) {
        super(message, null, false, false);
    }
}
