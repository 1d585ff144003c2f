package com.exqress.waybill.api;

/**
 * Marks a value object that holds personal data. Events keep every personal field inside such an
 * object and nowhere else, so the crypto-shredding layer can encrypt exactly these per waybill and
 * every read view can redact them by type.
 */
public sealed interface PersonalData permits WaybillPersonalData, DeliveryPersonalData {

    /** Redaction text for {@code toString()}, so a stray log line never prints personal data. */
    String REDACTED = "[personal data]";

    /** What every personal field reads once its waybill's data key is destroyed. */
    String ERASED = "[erased]";

    /** The value a {@code type} field reads as once erased: every text in it is {@link #ERASED}. */
    static <T extends PersonalData> T erased(Class<T> type) {
        if (type == WaybillPersonalData.class) {
            return type.cast(WaybillPersonalData.ERASED_DATA);
        }
        if (type == DeliveryPersonalData.class) {
            return type.cast(DeliveryPersonalData.ERASED_DATA);
        }
        throw new IllegalArgumentException("no erased form of " + type.getName());
    }
}
