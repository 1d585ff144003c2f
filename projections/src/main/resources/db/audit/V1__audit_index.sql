-- The audit index: one row per waybill event, for auditors searching by tracking number, carrier, actor and
-- time without reading the event store's payloads. No personal data: actors are account ids, which auditors see
-- in the history anyway, and locations are hub codes. In a schema of its own: it is not a customer-facing read
-- model, and a read-model rebuild leaves it alone.
CREATE TABLE audit_event (
    -- Axon's event identifier: a redelivered or replayed event finds its row and adds none
    event_id        VARCHAR(255) PRIMARY KEY,
    waybill_id      UUID         NOT NULL,
    sequence        BIGINT       NOT NULL,
    -- from the waybill's WaybillCreated, repeated on every row so that each search is one index range
    tracking_number VARCHAR(14)  NOT NULL,
    carrier_id      CHAR(3)      NOT NULL,
    event_type      VARCHAR(40)  NOT NULL,
    actor_id        VARCHAR(255) NOT NULL,
    actor_role      VARCHAR(20)  NOT NULL,
    actor_carrier   CHAR(3),
    hub             VARCHAR(20),
    -- when it happened (the actor's provenance) and when the event store recorded it
    event_time      TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (waybill_id, sequence)
);

-- Every search lists newest first by (event_time, waybill_id, sequence), the keyset of its pages.
CREATE INDEX audit_event_by_time ON audit_event (event_time DESC, waybill_id DESC, sequence DESC);
CREATE INDEX audit_event_by_tracking_number ON audit_event (tracking_number, event_time DESC, waybill_id DESC, sequence DESC);
CREATE INDEX audit_event_by_carrier ON audit_event (carrier_id, event_time DESC, waybill_id DESC, sequence DESC);
CREATE INDEX audit_event_by_actor ON audit_event (actor_id, event_time DESC, waybill_id DESC, sequence DESC);

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${appRole};
GRANT SELECT, INSERT ON audit_event TO ${appRole};
