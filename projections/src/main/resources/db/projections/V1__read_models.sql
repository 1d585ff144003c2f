-- The read models. These tables exist twice, in schemas projections_blue and projections_green: one copy
-- serves while the other can be rebuilt from the event store (see db/projections-serving). Only the
-- projections service writes here, in the same transaction as its tracking token; query-api reads the
-- views in schema projections. Nothing personal is stored: customers and couriers appear by account id,
-- places by hub code.

-- One row per parcel: what its customers, its couriers and its carrier's admins look at.
CREATE TABLE parcel (
    waybill_id           UUID        PRIMARY KEY,
    tracking_number      VARCHAR(14) NOT NULL UNIQUE,
    carrier_id           CHAR(3)     NOT NULL,
    sender_account       VARCHAR(255),
    recipient_account    VARCHAR(255),
    status               VARCHAR(20) NOT NULL,
    reason               VARCHAR(40) NOT NULL,
    -- the last hub the parcel was at or left
    hub                  VARCHAR(20),
    -- where pickups of this parcel are organised: the carrier's route for the sender's postal code
    origin_hub           VARCHAR(20),
    destination_region   VARCHAR(20) NOT NULL,
    destination_hub      VARCHAR(20) NOT NULL,
    holder_kind          VARCHAR(20),
    holder_id            VARCHAR(255),
    holder_carrier       CHAR(3),
    last_mile_courier    VARCHAR(255),
    created_at           TIMESTAMPTZ NOT NULL,
    status_since         TIMESTAMPTZ NOT NULL,
    -- the sequence number of the last event of this waybill applied: an event at or below it is a duplicate
    last_sequence        BIGINT      NOT NULL
);
CREATE INDEX parcel_by_sender ON parcel (sender_account, created_at DESC, waybill_id) WHERE sender_account IS NOT NULL;
CREATE INDEX parcel_by_recipient ON parcel (recipient_account, created_at DESC, waybill_id) WHERE recipient_account IS NOT NULL;
CREATE INDEX parcel_by_carrier_status ON parcel (carrier_id, status, status_since, waybill_id);
CREATE INDEX parcel_by_carrier_since ON parcel (carrier_id, status_since, waybill_id);
CREATE INDEX parcel_by_holder ON parcel (holder_id) WHERE holder_kind = 'COURIER';
CREATE INDEX parcel_to_pick_up ON parcel (carrier_id, origin_hub) WHERE status = 'INFO_RECEIVED';

-- The custody steps and status changes a customer sees, one row per event that changed the status.
CREATE TABLE parcel_timeline (
    waybill_id UUID        NOT NULL,
    sequence   BIGINT      NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    status     VARCHAR(20) NOT NULL,
    reason     VARCHAR(40) NOT NULL,
    hub        VARCHAR(20),
    PRIMARY KEY (waybill_id, sequence)
);
CREATE INDEX parcel_timeline_by_status ON parcel_timeline (status, at);

-- Who looked at the parcel's personal data: the role and carrier, never the person.
CREATE TABLE parcel_disclosure (
    waybill_id UUID        NOT NULL,
    sequence   BIGINT      NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    role       VARCHAR(20) NOT NULL,
    carrier_id CHAR(3),
    purpose    VARCHAR(20) NOT NULL,
    fields     TEXT[]      NOT NULL,
    PRIMARY KEY (waybill_id, sequence)
);

-- Parcels arriving at each hub, per hour.
CREATE TABLE hub_throughput (
    carrier_id CHAR(3)     NOT NULL,
    hub        VARCHAR(20) NOT NULL,
    hour       TIMESTAMPTZ NOT NULL,
    arrivals   INT         NOT NULL,
    PRIMARY KEY (carrier_id, hub, hour)
);

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${appRole};
-- TRUNCATE: a rebuild empties the copy it rebuilds.
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO ${appRole};
