-- The Kafka relay's own state: each waybill's progress as last published, because most events carry neither
-- tracking number nor carrier nor status, and the sequence number of the last event published, so that a
-- replayed or redelivered event is recognised and skipped. Written in the same transaction as the relay's
-- token. Couriers and senders appear by account id, as in the read models; none of it leaves this table. In a
-- schema of its own: it is not a read model, and a read-model rebuild leaves it alone.
CREATE TABLE relay_progress (
    waybill_id        UUID         PRIMARY KEY,
    tracking_number   VARCHAR(14)  NOT NULL,
    carrier_id        CHAR(3)      NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    reason            VARCHAR(40)  NOT NULL,
    -- the last hub the parcel was at or left
    hub               VARCHAR(20),
    destination_hub   VARCHAR(20)  NOT NULL,
    -- who holds the parcel; no holder once delivered or disposed
    holder_kind       VARCHAR(16),
    holder_id         VARCHAR(255),
    holder_carrier    CHAR(3),
    last_mile_courier VARCHAR(255),
    status_since      TIMESTAMPTZ  NOT NULL,
    last_sequence     BIGINT       NOT NULL
);

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON relay_progress TO ${appRole};
