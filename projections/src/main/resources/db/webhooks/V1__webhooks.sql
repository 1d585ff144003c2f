-- Carriers' outgoing webhooks, and one delivery per webhook and integration event, queued by the consumer of the
-- integration events topic and sent by the dispatcher. In a schema of its own: it is neither a read model nor the
-- relay's state, and a read-model rebuild leaves it alone. Nothing here is personal data: the bodies are the
-- integration events as published.
CREATE TABLE webhook (
    id                   UUID          PRIMARY KEY,
    carrier_id           CHAR(3)       NOT NULL,
    url                  VARCHAR(2048) NOT NULL,
    -- The HMAC key, shown to the carrier's admin once. Kept in clear because every delivery is signed with it.
    secret               VARCHAR(64)   NOT NULL,
    status               VARCHAR(8)    NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    consecutive_failures INTEGER       NOT NULL,
    -- a short code such as HTTP_500 or TIMEOUT, never what the receiver answered
    last_failure         VARCHAR(40),
    last_failure_at      TIMESTAMPTZ,
    last_delivered_at    TIMESTAMPTZ,
    disabled_at          TIMESTAMPTZ,
    created_at           TIMESTAMPTZ   NOT NULL
);

CREATE INDEX webhook_by_carrier ON webhook (carrier_id);

-- A delivered row stays: its key is what keeps a redelivered Kafka record from being delivered again.
CREATE TABLE delivery (
    webhook_id      UUID         NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id        VARCHAR(255) NOT NULL,
    -- the integration event's JSON exactly as published
    body            TEXT         NOT NULL,
    attempts        INTEGER      NOT NULL,
    -- when a dispatcher may next take it; while one holds it, when that claim expires
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    delivered_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (webhook_id, event_id)
);

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE delivered_at IS NULL;
CREATE INDEX delivery_pending ON delivery (webhook_id) WHERE delivered_at IS NULL;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook, delivery TO ${appRole};
