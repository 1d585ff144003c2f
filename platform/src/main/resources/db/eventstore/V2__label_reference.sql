-- Which waybill a label reference belongs to. Written by the command side in the same transaction as
-- the LabelPrinted event, so a label scans the moment it is printed. Whether a reference is still
-- current is decided from the waybill's own events, not kept here, so this table only ever grows.

CREATE TABLE label_reference (
    reference  CHAR(32)    PRIMARY KEY,
    waybill_id UUID        NOT NULL,
    printed_at TIMESTAMPTZ NOT NULL
);

CREATE TRIGGER label_reference_append_only
    BEFORE UPDATE OR DELETE ON label_reference
    FOR EACH ROW EXECUTE FUNCTION refuse_event_mutation();

REVOKE ALL ON label_reference FROM PUBLIC;
GRANT SELECT, INSERT ON label_reference TO ${appRole};
