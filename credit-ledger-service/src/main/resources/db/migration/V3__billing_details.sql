-- The billing details (SPEC: Billing details): one row per customer ledger entry, built by the
-- billing-details tracking processor from the event store and rebuilt from it at will.
-- "sequence" is the entry's place in the customer's event stream: newest first is sequence
-- descending, and a page's cursor is the last sequence shown.
CREATE TABLE billing_entries (
    entry_id        UUID        NOT NULL PRIMARY KEY,
    customer_id     UUID        NOT NULL,
    platform_id     UUID        NOT NULL,
    sequence        BIGINT      NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    type            TEXT        NOT NULL CHECK (type IN ('REFILL', 'DEDUCTION', 'CREDITS')),
    -- The signed change of the figure the type concerns: + refill, - deduction, +/- credits.
    amount          BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    balance_after   BIGINT      NOT NULL CHECK (balance_after >= 0),
    credits_after   BIGINT      NOT NULL CHECK (credits_after >= 0),
    actor           TEXT        NOT NULL,
    note            TEXT,
    idempotency_key TEXT        NOT NULL,
    correlation_id  TEXT,
    UNIQUE (customer_id, sequence)
);

CREATE INDEX billing_entries_time ON billing_entries (customer_id, occurred_at, sequence);
