package com.exqress.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over each aggregate's stored events: the one rule that both the append path and an auditor's
 * verification apply. A link covers the stored columns byte for byte (the payload as written, ciphertext where
 * fields are encrypted), so it can be recomputed from the table alone and survives crypto-shredding.
 *
 * <p>{@code chainHash(n) = SHA-256(previous || field(aggregate identifier) || field(sequence number)
 * || field(event identifier) || field(payload type) || field(payload revision) || field(time stamp) || field(payload))},
 * where {@code previous} is the 32 bytes of {@code chainHash(n - 1)} (32 zero bytes for sequence 0), text is UTF-8,
 * the sequence number is 8 bytes big-endian, and {@code field(x)} is x's length as 4 bytes big-endian followed by
 * x ({@code FFFFFFFF} and nothing else for an absent revision).
 */
public final class EventChain {

    /** The metadata entry that holds an event's link, as lower-case hex. */
    public static final String METADATA_KEY = "chainHash";
    /** What the event with sequence number 0 chains to. */
    public static final String START = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ABSENT = -1;

    private EventChain() {
    }

    /** One row of {@code domain_event_entry}, as the chain sees it. */
    public record StoredEvent(String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                              String payloadType, String payloadRevision, String timeStamp, byte[] payload) {
    }

    /** The link of {@code event}, given the link of the event before it (or {@link #START}). */
    public static String hash(String previousHash, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(HexFormat.of().parseHex(previousHash));
        field(sha256, text(event.aggregateIdentifier()));
        field(sha256, ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
        field(sha256, text(event.eventIdentifier()));
        field(sha256, text(event.payloadType()));
        field(sha256, text(event.payloadRevision()));
        field(sha256, text(event.timeStamp()));
        field(sha256, event.payload());
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * The link recorded in stored metadata (Axon's Jackson serializer writes metadata as one JSON object), or null
     * when there is none. Unreadable metadata counts as none: it is what a verifier must report, not crash on.
     */
    public static String storedHash(byte[] metaData) {
        if (metaData == null) {
            return null;
        }
        try {
            JsonNode hash = JSON.readTree(metaData).path(METADATA_KEY);
            return hash.isTextual() ? hash.asText() : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static void field(MessageDigest sha256, byte[] value) {
        if (value == null) {
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(ABSENT).array());
            return;
        }
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        sha256.update(value);
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
