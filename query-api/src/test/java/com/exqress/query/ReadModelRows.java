package com.exqress.query;

import com.exqress.waybill.api.CarrierId;
import com.exqress.waybill.api.TrackingNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes read-model rows as the projections service does, notices included, into the copy the serving views
 * show: projections_blue, on a fresh database (query-api tests never rebuild).
 */
public final class ReadModelRows {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ReadModelRows(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A new SWP parcel from sender1 in Seoul (hub SEL-01) to recipient1 in Busan (hub BSN-01), created a minute
     * ago and still with its sender, not yet inserted.
     */
    public Parcel parcel() {
        return new Parcel();
    }

    /** Hourly arrivals at a hub. */
    public void throughput(String carrier, String hub, Instant hour, int arrivals) {
        jdbc.update("INSERT INTO projections_blue.hub_throughput (carrier_id, hub, hour, arrivals) VALUES (?, ?, ?, ?)",
                carrier, hub, timestamp(hour), arrivals);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** One parcel row and its history; setters before {@link #insert()}, changes after. */
    public final class Parcel {

        private final UUID waybillId = UUID.randomUUID();
        private String carrier = "SWP";
        private String trackingNumber;
        private String senderAccount = "sender1";
        private String recipientAccount = "recipient1";
        private String status = "INFO_RECEIVED";
        private String reason = "WAYBILL_CREATED";
        private String hub = "SEL-01";
        private String originHub = "SEL-01";
        private String destinationRegion = "BSN";
        private String destinationHub = "BSN-01";
        private String holderKind = "SENDER";
        private String holderId = "sender1";
        private String lastMileCourier;
        private Instant createdAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        private Instant statusSince = createdAt;
        private long sequence;

        public UUID waybillId() {
            return waybillId;
        }

        /** Known once inserted. */
        public String trackingNumber() {
            return trackingNumber;
        }

        public Instant createdAt() {
            return createdAt;
        }

        public Parcel carrier(String code) {
            carrier = code;
            return this;
        }

        public Parcel from(String account) {
            senderAccount = account;
            holderId = account;
            return this;
        }

        public Parcel to(String account) {
            recipientAccount = account;
            return this;
        }

        public Parcel status(String newStatus, String newReason) {
            status = newStatus;
            reason = newReason;
            return this;
        }

        public Parcel heldBy(String kind, String id) {
            holderKind = kind;
            holderId = id;
            return this;
        }

        public Parcel origin(String pickupHub) {
            originHub = pickupHub;
            hub = pickupHub;
            return this;
        }

        public Parcel lastMileCourier(String courier) {
            lastMileCourier = courier;
            return this;
        }

        public Parcel route(String region, String destination) {
            destinationRegion = region;
            destinationHub = destination;
            return this;
        }

        public Parcel createdAt(Instant at) {
            createdAt = at.truncatedTo(ChronoUnit.MICROS);
            statusSince = createdAt;
            return this;
        }

        public Parcel statusSince(Instant at) {
            statusSince = at.truncatedTo(ChronoUnit.MICROS);
            return this;
        }

        /** Inserts the row and its first timeline entry. */
        public Parcel insert() {
            if (trackingNumber == null) {
                trackingNumber = TrackingNumber.generate(new CarrierId(carrier), RANDOM).value();
            }
            jdbc.update("""
                    INSERT INTO projections_blue.parcel (waybill_id, tracking_number, carrier_id, sender_account,
                        recipient_account, status, reason, hub, origin_hub, destination_region, destination_hub,
                        holder_kind, holder_id, last_mile_courier, created_at, status_since, last_sequence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                    """, waybillId, trackingNumber, carrier, senderAccount, recipientAccount, status, reason, hub,
                    originHub, destinationRegion, destinationHub, holderKind, holderId, lastMileCourier,
                    timestamp(createdAt), timestamp(statusSince));
            timeline(createdAt, "INFO_RECEIVED", "WAYBILL_CREATED", originHub);
            return this;
        }

        /**
         * Moves the parcel to a new status at {@code at} as the projections service does: row, timeline and the
         * {@code parcel_changed} notice in one transaction.
         */
        public Parcel change(String newStatus, String newReason, String atHub, Instant at) {
            status = newStatus;
            reason = newReason;
            hub = atHub;
            statusSince = at.truncatedTo(ChronoUnit.MICROS);
            transaction.executeWithoutResult(work -> {
                jdbc.update("""
                        UPDATE projections_blue.parcel SET status = ?, reason = ?, hub = ?, holder_kind = ?, holder_id = ?,
                            last_mile_courier = ?, status_since = ?, last_sequence = last_sequence + 1
                        WHERE waybill_id = ?
                        """, status, reason, hub, holderKind, holderId, lastMileCourier, timestamp(statusSince), waybillId);
                timeline(statusSince, status, reason, hub);
                jdbc.queryForList("SELECT pg_notify('parcel_changed', ?)", waybillId.toString());
            });
            return this;
        }

        public Parcel timeline(Instant at, String entryStatus, String entryReason, String entryHub) {
            jdbc.update("""
                    INSERT INTO projections_blue.parcel_timeline (waybill_id, sequence, at, status, reason, hub)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, waybillId, sequence++, timestamp(at.truncatedTo(ChronoUnit.MICROS)), entryStatus, entryReason, entryHub);
            return this;
        }

        public Parcel disclosure(Instant at, String role, String carrierId, String purpose, String... fields) {
            jdbc.update("""
                    INSERT INTO projections_blue.parcel_disclosure (waybill_id, sequence, at, role, carrier_id, purpose, fields)
                    VALUES (?, ?, ?, ?, ?, ?, ?::text[])
                    """, waybillId, sequence++, timestamp(at.truncatedTo(ChronoUnit.MICROS)), role, carrierId, purpose,
                    "{" + String.join(",", fields) + "}");
            return this;
        }
    }
}
