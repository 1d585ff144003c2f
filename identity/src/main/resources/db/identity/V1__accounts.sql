-- The embedded identity service's own database: accounts and refresh tokens. Nothing here is an event.

CREATE TABLE account (
    username       VARCHAR(64)  PRIMARY KEY,
    password_hash  VARCHAR(100) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    carrier        CHAR(3),
    hub            VARCHAR(20),
    verified_phone VARCHAR(32),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Refresh tokens are stored hashed. Each login starts a family; each refresh uses one token up and issues
-- the next in the same family. Presenting a used token again means it was stolen: the family is revoked.
CREATE TABLE refresh_token (
    token_hash CHAR(64)    PRIMARY KEY,
    family_id  UUID        NOT NULL,
    username   VARCHAR(64) NOT NULL REFERENCES account (username),
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);

CREATE INDEX refresh_token_family ON refresh_token (family_id);
