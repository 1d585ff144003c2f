-- Label signing keys made by rotating from the admin console (command-api's com.exqress.command.label). A
-- carrier's keys from configuration stay where they are; these rows add to them. The newest key of a carrier
-- that is not retired signs its new labels. The private key is sealed by a master key, which never enters the
-- database, so a copy of this table cannot sign a label. Nothing is ever deleted: a retired key's row is the
-- record of who retired it and when.

CREATE TABLE label_signing_key (
    rotation         BIGSERIAL    PRIMARY KEY,
    key_id           VARCHAR(8)   NOT NULL UNIQUE,
    carrier_id       CHAR(3)      NOT NULL,
    master_key_id    VARCHAR(64)  NOT NULL,
    sealed_key       BYTEA        NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    created_by       VARCHAR(255) NOT NULL,
    -- A retried rotation with the same Idempotency-Key finds its key instead of making another.
    idempotency_key  VARCHAR(255),
    CONSTRAINT label_signing_key_idempotent UNIQUE (carrier_id, idempotency_key)
);

-- Retirements of any of a carrier's keys, configured or rotated: labels signed with them no longer verify.
CREATE TABLE label_key_retirement (
    key_id     VARCHAR(8)   PRIMARY KEY,
    carrier_id CHAR(3)      NOT NULL,
    retired_at TIMESTAMPTZ  NOT NULL,
    retired_by VARCHAR(255) NOT NULL
);

CREATE TRIGGER label_signing_key_append_only
    BEFORE UPDATE OR DELETE ON label_signing_key
    FOR EACH ROW EXECUTE FUNCTION refuse_event_mutation();

CREATE TRIGGER label_key_retirement_append_only
    BEFORE UPDATE OR DELETE ON label_key_retirement
    FOR EACH ROW EXECUTE FUNCTION refuse_event_mutation();

REVOKE ALL ON label_signing_key, label_key_retirement FROM PUBLIC;
GRANT SELECT, INSERT ON label_signing_key, label_key_retirement TO ${appRole};
GRANT USAGE ON SEQUENCE label_signing_key_rotation_seq TO ${appRole};
