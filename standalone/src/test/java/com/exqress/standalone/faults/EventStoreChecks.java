package com.exqress.standalone.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Courier requests held against what the database holds, read directly as its superuser: the event store must hold
 * exactly the events of the accepted requests, each once, and nothing of the refused ones; the read models must
 * reach the event store's state of every parcel.
 */
final class EventStoreChecks {

    /** Written when the parcels were made, before the couriers' requests. */
    private static final Set<String> SET_UP = Set.of("WaybillCreated", "LabelPrinted");

    private final DataDirectoryPostgres postgres;
    private final ExqressApi api;

    EventStoreChecks(DataDirectoryPostgres postgres, ExqressApi api) {
        this.postgres = postgres;
        this.api = api;
    }

    /**
     * Each parcel's events after its set-up, as "type idempotency-key" in stream order, are those of its accepted
     * requests in the order they were accepted: an accepted request's events once, a refused request's none, and
     * no event that no request asked for.
     */
    void assertEachAcceptedRequestWrittenOnceAndNoOther(List<CourierLoad.Request> requests) throws Exception {
        Map<String, List<String>> expected = new TreeMap<>();
        for (CourierLoad.Request request : requests) {
            List<String> events = expected.computeIfAbsent(request.parcel.waybillId(), id -> new ArrayList<>());
            if (request.accepted()) {
                request.step.events.forEach(type -> events.add(type + " " + request.key));
            }
        }
        assertThat(storedEvents(expected.keySet())).isEqualTo(expected);
    }

    /**
     * Waits until the read model has applied every parcel's last stored event, then checks that it shows what the
     * auditors' replay of the event store shows: status, reason, hub and last sequence.
     */
    void assertReadModelsConverge(List<ExqressApi.Parcel> parcels, Duration timeout) throws Exception {
        List<String> ids = parcels.stream().map(ExqressApi.Parcel::waybillId).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> behind = behind(ids);
        while (!behind.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            behind = behind(ids);
        }
        assertThat(behind).as("parcels whose read model is behind the event store after %s", timeout).isEmpty();
        Map<String, String> readModel = readModel(ids);
        for (String id : ids) {
            JsonNode replayed = api.get("/audit/waybills/" + id + "/state?asOf=" + Instant.now().plusSeconds(60), "auditor").json();
            assertThat(readModel.get(id)).as("read model of %s", id).isEqualTo(String.join(" ", replayed.get("status").asText(),
                    replayed.get("reason").asText(), replayed.path("hub").asText("-"), replayed.get("lastSequence").asText()));
        }
    }

    private Map<String, List<String>> storedEvents(Set<String> waybillIds) throws Exception {
        Map<String, List<String>> stored = new TreeMap<>();
        waybillIds.forEach(id -> stored.put(id, new ArrayList<>()));
        try (Connection db = postgres.connect(); PreparedStatement query = db.prepareStatement("""
                SELECT aggregate_identifier, payload_type,
                       convert_from(payload, 'UTF8')::jsonb #>> '{provenance,request,idempotencyKey}'
                FROM domain_event_entry WHERE aggregate_identifier = ANY (?)
                ORDER BY aggregate_identifier, sequence_number""")) {
            query.setArray(1, db.createArrayOf("varchar", waybillIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(2).substring(rows.getString(2).lastIndexOf('.') + 1);
                    if (!SET_UP.contains(type)) {
                        stored.get(rows.getString(1)).add(type + " " + rows.getString(3));
                    }
                }
            }
        }
        return stored;
    }

    /** Parcels whose read-model row has not applied their last stored event (or has no row yet). */
    private List<String> behind(List<String> waybillIds) throws Exception {
        List<String> behind = new ArrayList<>();
        try (Connection db = postgres.connect(); PreparedStatement query = db.prepareStatement("""
                SELECT e.aggregate_identifier FROM domain_event_entry e
                LEFT JOIN projections.parcel p ON p.waybill_id = e.aggregate_identifier::uuid
                WHERE e.aggregate_identifier = ANY (?)
                GROUP BY e.aggregate_identifier, p.last_sequence
                HAVING p.last_sequence IS DISTINCT FROM max(e.sequence_number)""")) {
            query.setArray(1, db.createArrayOf("varchar", waybillIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    behind.add(rows.getString(1));
                }
            }
        }
        return behind;
    }

    /** "status reason hub last-sequence" of each parcel's read-model row. */
    private Map<String, String> readModel(List<String> waybillIds) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection db = postgres.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT waybill_id::text, status, reason, hub, last_sequence FROM projections.parcel WHERE waybill_id::text = ANY (?)")) {
            query.setArray(1, db.createArrayOf("varchar", waybillIds.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), String.join(" ", row.getString(2), row.getString(3),
                            Objects.requireNonNullElse(row.getString(4), "-"), row.getString(5)));
                }
            }
        }
        return rows;
    }
}
