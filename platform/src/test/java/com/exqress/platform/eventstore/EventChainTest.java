package com.exqress.platform.eventstore;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash rule against vectors computed independently (Python's hashlib on the byte layout in the README), so a
 * change to the rule cannot pass unnoticed.
 */
class EventChainTest {

    private static final String WAYBILL = "7d8f2c1e-0000-4000-8000-000000000001";
    private static final EventChain.StoredEvent CREATED = new EventChain.StoredEvent(WAYBILL, 0, "e-0",
            "com.exqress.waybill.api.WaybillCreated", "1", "2026-11-23T10:00:00Z", bytes("{\"carrier\":\"SWP\"}"));
    private static final EventChain.StoredEvent UNREVISED = new EventChain.StoredEvent(WAYBILL, 1, "e-1",
            "com.exqress.waybill.api.LabelPrinted", null, "2026-11-23T10:05:00.123Z", bytes("{}"));
    private static final String CREATED_HASH = "252c263f629da42aeea00ded2ae01e18cd482569b029a4c75e71879b36ee2a45";

    @Test
    void firstEventChainsToThirtyTwoZeroBytes() {
        assertThat(EventChain.hash(EventChain.START, CREATED)).isEqualTo(CREATED_HASH);
    }

    @Test
    void nextEventChainsToThePreviousHashAndMarksAnAbsentRevision() {
        assertThat(EventChain.hash(CREATED_HASH, UNREVISED))
                .isEqualTo("431cdd6430df7cfe8f4b0bec4d611d65210c5f4aa88d895f769062e874f2c14c");
    }

    @Test
    void oneChangedPayloadByteChangesTheHash() {
        EventChain.StoredEvent edited = new EventChain.StoredEvent(WAYBILL, 0, "e-0",
                "com.exqress.waybill.api.WaybillCreated", "1", "2026-11-23T10:00:00Z", bytes("{\"carrier\":\"SWQ\"}"));

        assertThat(EventChain.hash(EventChain.START, edited)).isNotEqualTo(CREATED_HASH);
    }

    @Test
    void readsTheHashFromStoredMetadata() {
        assertThat(EventChain.storedHash(bytes("{\"traceId\":\"t\",\"chainHash\":\"" + CREATED_HASH + "\"}")))
                .isEqualTo(CREATED_HASH);
        assertThat(EventChain.storedHash(bytes("{\"traceId\":\"t\"}"))).isNull();
        assertThat(EventChain.storedHash(bytes("{not json"))).isNull();
        assertThat(EventChain.storedHash(null)).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
