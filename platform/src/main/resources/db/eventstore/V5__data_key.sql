-- One AES-256 data key per waybill, wrapped by a master key that never enters the database. The personal
-- fields of a waybill's events are sealed with its key (com.exqress.platform.privacy); disposal sets
-- wrapped_key to NULL, after which those fields read as "[erased]" while the events, and their hash chain,
-- stay as they were. The row stays as the record that the key existed and when it was destroyed.

CREATE TABLE data_key (
    waybill_id    UUID        PRIMARY KEY,
    master_key_id VARCHAR(64) NOT NULL,
    wrapped_key   BYTEA,
    created_at    TIMESTAMPTZ NOT NULL,
    destroyed_at  TIMESTAMPTZ,
    CONSTRAINT data_key_destroyed_has_no_key CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);

REVOKE ALL ON data_key FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON data_key TO ${appRole};
