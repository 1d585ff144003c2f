package com.exqress.query.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/** One stored event as an admin or auditor sees it, personal data redacted. */
public record RecordedEvent(long sequence, String type, String revision, String eventId, Instant recordedAt,
                            JsonNode payload, Map<String, Object> metadata) {
}
