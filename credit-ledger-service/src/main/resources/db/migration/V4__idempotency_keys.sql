-- The Idempotency-Key index (SPEC: Money: keys are kept for good, in the events themselves): one row per
-- ledger stream (a customer's ledger, or a platform's credit pool) and key, with what the key's request asked
-- for and what it was answered, so that a retry answers the first outcome again and a key reused for another
-- request is refused, however long ago the key was used, without an aggregate holding its keys. Written only
-- by the idempotency-keys subscribing processor, in the transaction of the entry itself.
CREATE TABLE idempotency_keys (
    stream_id            UUID    NOT NULL,
    idempotency_key      TEXT    NOT NULL,
    operation            TEXT    NOT NULL CHECK (operation IN ('refill', 'deduction', 'credits', 'pool_total')),
    -- What the request asked for, in minor units: the amount refilled or deducted, the credits or the total set.
    amount               BIGINT  NOT NULL CHECK (amount >= 0),
    note                 TEXT,
    entry_id             UUID    NOT NULL,
    currency             CHAR(3) NOT NULL,
    -- The figures after the entry, as its answer shows them: a customer's balance and credits (and the pool's
    -- available credits after a change of credits), or a pool's allocated and available credits.
    balance_after        BIGINT,
    credits_after        BIGINT,
    pool_allocated       BIGINT,
    pool_available_after BIGINT,
    PRIMARY KEY (stream_id, idempotency_key),
    CHECK ((operation = 'pool_total') = (balance_after IS NULL)),
    CHECK ((operation = 'pool_total') = (credits_after IS NULL)),
    CHECK ((operation = 'pool_total') = (pool_allocated IS NOT NULL)),
    CHECK ((operation IN ('credits', 'pool_total')) = (pool_available_after IS NOT NULL))
);

-- The keys of the entries stored before the index existed, from the events (JSON payloads, stored under their
-- CloudEvents types). A key has one entry per stream; should a stream hold two with one key, the first is kept.
WITH entries AS (
    SELECT globalindex, payloadtype AS type, convert_from(payload, 'UTF8')::jsonb AS event
    FROM domainevententry
    WHERE payloadtype IN ('io.tally.ledger.BalanceRefilled.v1', 'io.tally.ledger.BalanceDeducted.v1',
                          'io.tally.ledger.CustomerCreditsSet.v1', 'io.tally.ledger.PlatformCreditPoolSet.v1')
), keyed AS (
    SELECT globalindex,
           (CASE type WHEN 'io.tally.ledger.PlatformCreditPoolSet.v1' THEN event ->> 'platformId'
                      ELSE event ->> 'customerId' END)::uuid AS stream_id,
           event ->> 'idempotencyKey' AS idempotency_key,
           CASE type WHEN 'io.tally.ledger.BalanceRefilled.v1' THEN 'refill'
                     WHEN 'io.tally.ledger.BalanceDeducted.v1' THEN 'deduction'
                     WHEN 'io.tally.ledger.CustomerCreditsSet.v1' THEN 'credits'
                     ELSE 'pool_total' END AS operation,
           (CASE type WHEN 'io.tally.ledger.CustomerCreditsSet.v1' THEN event ->> 'creditsAfter'
                      WHEN 'io.tally.ledger.PlatformCreditPoolSet.v1' THEN event ->> 'totalAfter'
                      ELSE event ->> 'amount' END)::bigint AS amount,
           CASE WHEN type IN ('io.tally.ledger.BalanceRefilled.v1', 'io.tally.ledger.BalanceDeducted.v1')
                THEN event ->> 'note' END AS note,
           (event ->> 'entryId')::uuid AS entry_id,
           event ->> 'currency' AS currency,
           CASE WHEN type <> 'io.tally.ledger.PlatformCreditPoolSet.v1'
                THEN (event ->> 'balanceAfter')::bigint END AS balance_after,
           CASE WHEN type <> 'io.tally.ledger.PlatformCreditPoolSet.v1'
                THEN (event ->> 'creditsAfter')::bigint END AS credits_after,
           CASE WHEN type = 'io.tally.ledger.PlatformCreditPoolSet.v1'
                THEN (event ->> 'allocated')::bigint END AS pool_allocated,
           (CASE type WHEN 'io.tally.ledger.CustomerCreditsSet.v1' THEN event ->> 'poolAvailableAfter'
                      WHEN 'io.tally.ledger.PlatformCreditPoolSet.v1' THEN event ->> 'availableAfter'
                      END)::bigint AS pool_available_after
    FROM entries
)
INSERT INTO idempotency_keys (stream_id, idempotency_key, operation, amount, note, entry_id, currency,
                              balance_after, credits_after, pool_allocated, pool_available_after)
SELECT DISTINCT ON (stream_id, idempotency_key)
       stream_id, idempotency_key, operation, amount, note, entry_id, currency,
       balance_after, credits_after, pool_allocated, pool_available_after
FROM keyed
ORDER BY stream_id, idempotency_key, globalindex;
