-- Which carriers may carry which carrier's parcels. Written by the command side in the same transaction
-- as the PartnerDeclared or PartnerWithdrawn event, so a hand-off or scan checks the partnership as it
-- stands in the event store. The events are the record; this table is only their current sum.

CREATE TABLE carrier_partner (
    carrier_id  CHAR(3)     NOT NULL,
    partner_id  CHAR(3)     NOT NULL,
    declared_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (carrier_id, partner_id)
);

REVOKE ALL ON carrier_partner FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON carrier_partner TO ${appRole};
