-- When each waybill falls due for disposal under its carrier's retention period, counted from delivery.
-- Written by command-api's retention-schedule processor from WaybillCreated, WaybillDelivered and
-- WaybillDisposed, read by its sweeper. The events are the record; this table is only derived from them, so a
-- replay of the processor rebuilds it.

CREATE TABLE retention_due (
    waybill_id   UUID        PRIMARY KEY,
    carrier_id   CHAR(3)     NOT NULL,
    -- Null until the waybill is delivered: until then its retention period has not begun.
    delivered_at TIMESTAMPTZ
);

-- The sweeper's query: the delivered waybills, oldest delivery first, in batches.
CREATE INDEX retention_due_delivered ON retention_due (delivered_at, waybill_id) WHERE delivered_at IS NOT NULL;

REVOKE ALL ON retention_due FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON retention_due TO ${appRole};
