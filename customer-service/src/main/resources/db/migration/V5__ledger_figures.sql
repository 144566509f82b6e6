-- Each customer's latest balance and credits as credit-ledger-service published them, kept by
-- the ledger-figures processor apart from customer_list: a rebuild of the list does not reset
-- them, and a ledger fact that arrives before the customer's list row is kept for the row.
-- The customer list reserves a customer's row when it inserts the customer; a reserved row holds
-- the list's own defaults as of -infinity, so that the ledger's first fact replaces it.
CREATE TABLE customer_figures (
    customer_id     UUID        NOT NULL PRIMARY KEY,
    balance_minor   BIGINT      NOT NULL DEFAULT 0,
    credits_minor   BIGINT      NOT NULL DEFAULT 0,
    currency        TEXT        NOT NULL DEFAULT 'USD',
    currency_digits SMALLINT    NOT NULL DEFAULT 2,
    as_of           TIMESTAMPTZ NOT NULL DEFAULT '-infinity'
);
