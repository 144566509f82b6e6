-- Customers' credentials live beside the operators': a customer may have no password yet
-- (created by an admin, waiting for a confirmed reset), may be disabled, and every account
-- has an instant before which its sessions ended.
ALTER TABLE account_credentials ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE account_credentials ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE account_credentials ADD COLUMN sessions_not_before TIMESTAMPTZ;
DROP INDEX account_credentials_username;
-- Operators sign in by username alone, customers by platform and username (their email).
CREATE INDEX account_credentials_username ON account_credentials (username_key, platform_id);

-- Refresh tokens: only their SHA-256 is kept. A family is one sign-in (the access token's
-- sid); each use replaces the token by a new one of the same family, and presenting a
-- replaced token again revokes the account's sessions.
CREATE TABLE refresh_tokens (
    token_sha256      CHAR(64)    NOT NULL PRIMARY KEY,
    family_id         UUID        NOT NULL,
    account_id        UUID        NOT NULL,
    issued_at         TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    family_expires_at TIMESTAMPTZ NOT NULL,
    replaced_at       TIMESTAMPTZ,
    revoked_at        TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id) WHERE revoked_at IS NULL;

-- Failed sign-ins per username (known or not, so that a lock tells nothing about whether the
-- account exists) and per client address. Operational counters, not facts: the fact that an
-- account was locked is the LoginLocked event.
CREATE TABLE login_failures (
    username_scope    VARCHAR(300) NOT NULL PRIMARY KEY,
    failures          INTEGER      NOT NULL,
    window_started_at TIMESTAMPTZ  NOT NULL,
    locked_until      TIMESTAMPTZ
);

CREATE TABLE address_failures (
    address           VARCHAR(64) NOT NULL PRIMARY KEY,
    failures          INTEGER     NOT NULL,
    window_started_at TIMESTAMPTZ NOT NULL
);

-- auth-service's own view of invitations, from tally.customer.events: enough to check a
-- presented link before a registration is submitted. customer-service remains the judge.
CREATE TABLE invitations_view (
    invitation_id UUID        NOT NULL PRIMARY KEY,
    platform_id   UUID        NOT NULL,
    email         VARCHAR(254),
    token_sha256  CHAR(64)    NOT NULL UNIQUE,
    expires_at    TIMESTAMPTZ NOT NULL,
    status        VARCHAR(16) NOT NULL
);

-- A submitted registration's password hash, kept only until customer-service decides: moved
-- into the customer's credential when the customer is registered, deleted when rejected.
CREATE TABLE pending_registration_passwords (
    registration_id UUID         NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(255) NOT NULL
);

-- The status resource of public registrations.
CREATE TABLE registrations (
    registration_id UUID        NOT NULL PRIMARY KEY,
    invitation_id   UUID        NOT NULL,
    platform_id     UUID        NOT NULL,
    status          VARCHAR(16) NOT NULL,
    customer_id     UUID,
    reason          VARCHAR(32),
    submitted_at    TIMESTAMPTZ NOT NULL,
    decided_at      TIMESTAMPTZ
);

-- Signing keys are retired, not deleted: a retired key stays in the JWKS until the tokens
-- it signed have expired.
ALTER TABLE signing_keys ADD COLUMN retired_at TIMESTAMPTZ;
