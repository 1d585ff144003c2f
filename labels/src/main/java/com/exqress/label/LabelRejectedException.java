package com.exqress.label;

/** A label that did not verify or resolve. The message is shown to clients and never names a waybill. */
public class LabelRejectedException extends RuntimeException {

    private final LabelRejection rejection;

    public LabelRejectedException(LabelRejection rejection, String message) {
        super(message, null, false, false);
        this.rejection = rejection;
    }

    public LabelRejection rejection() {
        return rejection;
    }
}
