package com.exqress.waybill.api;

/**
 * Marks a value object that holds personal data. Events keep every personal field inside such an
 * object and nowhere else, so the crypto-shredding layer can encrypt exactly these per waybill and
 * every read view can redact them by type.
 */
public interface PersonalData {

    /** Redaction text for {@code toString()}, so a stray log line never prints personal data. */
    String REDACTED = "[personal data]";
}
