CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The customer list (SPEC: Customers > Customer Management) and the customer details.
-- Sort keys are stored lower-cased with the C collation so that every sortable column
-- has one (platform, key, id) index that keyset paging can walk in either direction.
CREATE TABLE customer_list (
    customer_id      UUID        NOT NULL PRIMARY KEY,
    platform_id      UUID        NOT NULL,
    account          TEXT        NOT NULL,
    account_key      TEXT        COLLATE "C" GENERATED ALWAYS AS (lower(account)) STORED,
    team_name        TEXT        NOT NULL,
    team_name_key    TEXT        COLLATE "C" GENERATED ALWAYS AS (lower(team_name)) STORED,
    team_type        TEXT        COLLATE "C" NOT NULL,
    company_name     TEXT        NOT NULL DEFAULT '',
    company_name_key TEXT        COLLATE "C" GENERATED ALWAYS AS (lower(company_name)) STORED,
    contact_name     TEXT,
    phone            TEXT,
    address          JSONB,
    billing_type     TEXT,
    email_verified   BOOLEAN     NOT NULL,
    balance_minor    BIGINT      NOT NULL DEFAULT 0,
    credits_minor    BIGINT      NOT NULL DEFAULT 0,
    currency         TEXT        NOT NULL DEFAULT 'USD',
    currency_digits  SMALLINT    NOT NULL DEFAULT 2,
    state            TEXT        COLLATE "C" NOT NULL DEFAULT 'ON',
    tags             TEXT[]      NOT NULL DEFAULT '{}',
    tag_keys         TEXT[]      NOT NULL DEFAULT '{}',
    tags_key         TEXT        COLLATE "C" NOT NULL DEFAULT '',
    registered_at    TIMESTAMPTZ NOT NULL,
    search_text      TEXT        GENERATED ALWAYS AS (
                         lower(account || ' ' || team_name || ' ' || company_name || ' ' || customer_id::text)
                     ) STORED
);

CREATE INDEX customer_list_registered ON customer_list (platform_id, registered_at, customer_id);
CREATE INDEX customer_list_account ON customer_list (platform_id, account_key, customer_id);
CREATE INDEX customer_list_team_name ON customer_list (platform_id, team_name_key, customer_id);
CREATE INDEX customer_list_team_type ON customer_list (platform_id, team_type, customer_id);
CREATE INDEX customer_list_company ON customer_list (platform_id, company_name_key, customer_id);
CREATE INDEX customer_list_balance ON customer_list (platform_id, balance_minor, customer_id);
CREATE INDEX customer_list_credits ON customer_list (platform_id, credits_minor, customer_id);
CREATE INDEX customer_list_state ON customer_list (platform_id, state, customer_id);
CREATE INDEX customer_list_tags_sort ON customer_list (platform_id, tags_key, customer_id);
CREATE INDEX customer_list_id ON customer_list (platform_id, customer_id);
CREATE INDEX customer_list_tag_keys ON customer_list USING GIN (tag_keys);
CREATE INDEX customer_list_search ON customer_list USING GIN (search_text gin_trgm_ops);

-- Exact customer counts per platform, kept by the projection, so that the unfiltered
-- list's total never needs a count over a million rows.
CREATE TABLE customer_counts (
    platform_id UUID   NOT NULL PRIMARY KEY,
    customers   BIGINT NOT NULL
);

CREATE TABLE invitations (
    invitation_id        UUID        NOT NULL PRIMARY KEY,
    platform_id          UUID        NOT NULL,
    email                TEXT,
    status               TEXT        NOT NULL,
    issued_at            TIMESTAMPTZ NOT NULL,
    expires_at           TIMESTAMPTZ NOT NULL,
    issued_by            TEXT,
    accepted_customer_id UUID,
    closed_at            TIMESTAMPTZ
);

CREATE INDEX invitations_by_platform ON invitations (platform_id, issued_at DESC, invitation_id DESC);
CREATE INDEX invitations_pending_expiry ON invitations (expires_at) WHERE status = 'PENDING';
