-- Signed Merkle checkpoints over the event store (RFC 6962 hashing, see MerkleTree): each covers the events
-- from first_global_index to last_global_index, the ones recorded since the checkpoint before it. Writers take
-- turns under an advisory lock (AppendLock); the unique first_global_index is the database's own guard that no
-- period is recorded twice.

CREATE TABLE audit_checkpoint (
    id                 BIGSERIAL    PRIMARY KEY,
    first_global_index BIGINT       NOT NULL UNIQUE,
    last_global_index  BIGINT       NOT NULL,
    tree_size          INTEGER      NOT NULL,
    root               CHAR(64)     NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    -- The compact ES256 JWS over the canonical JSON of the fields above, as the key with key_id signed it.
    signature          TEXT         NOT NULL,
    key_id             VARCHAR(255) NOT NULL,
    CONSTRAINT audit_checkpoint_range CHECK (first_global_index <= last_global_index AND tree_size > 0)
);

-- Checkpoints are evidence like the events they cover: never rewritten, not even by the owner.
CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_event_mutation();

CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_mutation();

REVOKE ALL ON audit_checkpoint FROM PUBLIC;
GRANT SELECT, INSERT ON audit_checkpoint TO ${appRole};
GRANT USAGE, SELECT ON SEQUENCE audit_checkpoint_id_seq TO ${appRole};
