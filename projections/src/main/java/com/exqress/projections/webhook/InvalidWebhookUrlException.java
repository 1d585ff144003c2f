package com.exqress.projections.webhook;

/** A webhook URL that is refused; the message says what to fix and never repeats the URL. */
public class InvalidWebhookUrlException extends RuntimeException {

    InvalidWebhookUrlException(String message) {
        super(message, null, false, false);
    }
}
