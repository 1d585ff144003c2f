package com.exqress.query.audit;

import com.exqress.waybill.api.Role;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event of a waybill's history as an auditor reads it: who did what, when, where and why, with the payload's
 * personal data redacted.
 *
 * @param why            the step in words, e.g. "handoff from HUB to COURIER"; the type says which event it was
 * @param idempotencyKey the client's key for the request that caused the event, or null where it gave none
 */
public record HistoryEntry(long sequence, String type, String eventId, Who who, When when, Where where, String why,
                           String idempotencyKey, JsonNode payload) {

    /** @param carrier the carrier the actor works for; null for customers and auditors */
    public record Who(String actorId, Role role, String carrier) {
    }

    /**
     * @param eventTime  when the platform accepted the request (provenance), the time {@code /state?asOf} replays by
     * @param recordedAt when the event store stored the event
     */
    public record When(Instant eventTime, Instant recordedAt) {
    }

    /**
     * @param location where the actor said it acted, or null
     * @param hub      the hub the actor is posted at, or null
     */
    public record Where(String location, String hub) {
    }
}
