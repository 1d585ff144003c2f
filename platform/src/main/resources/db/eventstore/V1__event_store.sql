-- The write database: Axon's event and snapshot tables, the token table, and the waybill creation
-- registry. Flyway runs this as the owner; the services connect as ${appRole}, which gets only the
-- grants below.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
        CREATE ROLE ${appRole} NOLOGIN;
    END IF;
END
$$;

CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    -- Two writers appending the same sequence number to one waybill: one of them must fail.
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- Which client request created which waybill, and which tracking numbers are taken. Written in the
-- same transaction as the WaybillCreated event, so a retried create finds its first result.
CREATE TABLE waybill_creation (
    waybill_id      UUID         PRIMARY KEY,
    tracking_number VARCHAR(14)  NOT NULL UNIQUE,
    actor_id        VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255),
    fingerprint     VARCHAR(64),
    created_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT waybill_creation_request UNIQUE (actor_id, idempotency_key)
);

-- The event store is append-only: history is never rewritten, not even by the owner.
CREATE FUNCTION refuse_event_mutation() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_mutation();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_mutation();

CREATE TRIGGER waybill_creation_append_only
    BEFORE UPDATE OR DELETE ON waybill_creation
    FOR EACH ROW EXECUTE FUNCTION refuse_event_mutation();

REVOKE ALL ON domain_event_entry, waybill_creation FROM PUBLIC;
GRANT SELECT, INSERT ON domain_event_entry TO ${appRole};
GRANT SELECT, INSERT ON waybill_creation TO ${appRole};
GRANT USAGE, SELECT ON SEQUENCE domain_event_entry_global_index_seq TO ${appRole};
-- Snapshots are a cache of the events, replaced as aggregates move on; tokens move with processors.
GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON token_entry TO ${appRole};
