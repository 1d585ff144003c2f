-- What query-api reads: one view per read-model table over whichever copy (projections_blue or
-- projections_green) read_model_state names as active. Switching copies is one UPDATE, atomic for every
-- reader; PostgreSQL evaluates each branch's condition once per query and skips the inactive copy.
-- A migration that changes a read-model table must recreate its view here too.

CREATE TABLE read_model_state (
    read_model          VARCHAR(32) PRIMARY KEY,
    active_color        VARCHAR(8)  NOT NULL CHECK (active_color IN ('BLUE', 'GREEN')),
    rebuilding_color    VARCHAR(8)  CHECK (rebuilding_color IN ('BLUE', 'GREEN') AND rebuilding_color <> active_color),
    rebuild_started_at  TIMESTAMPTZ,
    -- the head of the event store when the rebuild started: events up to it are the rebuild's work
    rebuild_head        BIGINT
);
INSERT INTO read_model_state (read_model, active_color) VALUES ('parcels', 'BLUE');

CREATE VIEW parcel AS
    SELECT * FROM projections_blue.parcel
        WHERE (SELECT active_color FROM read_model_state WHERE read_model = 'parcels') = 'BLUE'
    UNION ALL
    SELECT * FROM projections_green.parcel
        WHERE (SELECT active_color FROM read_model_state WHERE read_model = 'parcels') = 'GREEN';

CREATE VIEW parcel_timeline AS
    SELECT * FROM projections_blue.parcel_timeline
        WHERE (SELECT active_color FROM read_model_state WHERE read_model = 'parcels') = 'BLUE'
    UNION ALL
    SELECT * FROM projections_green.parcel_timeline
        WHERE (SELECT active_color FROM read_model_state WHERE read_model = 'parcels') = 'GREEN';

CREATE VIEW parcel_disclosure AS
    SELECT * FROM projections_blue.parcel_disclosure
        WHERE (SELECT active_color FROM read_model_state WHERE read_model = 'parcels') = 'BLUE'
    UNION ALL
    SELECT * FROM projections_green.parcel_disclosure
        WHERE (SELECT active_color FROM read_model_state WHERE read_model = 'parcels') = 'GREEN';

CREATE VIEW hub_throughput AS
    SELECT * FROM projections_blue.hub_throughput
        WHERE (SELECT active_color FROM read_model_state WHERE read_model = 'parcels') = 'BLUE'
    UNION ALL
    SELECT * FROM projections_green.hub_throughput
        WHERE (SELECT active_color FROM read_model_state WHERE read_model = 'parcels') = 'GREEN';

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${appRole};
GRANT SELECT ON parcel, parcel_timeline, parcel_disclosure, hub_throughput TO ${appRole};
GRANT SELECT, UPDATE ON read_model_state TO ${appRole};
