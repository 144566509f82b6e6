-- The platforms and customers the ledger knows, from the other services' events: a money write
-- for a customer it does not know, or of another platform, is refused before any command.
CREATE TABLE ledger_platforms (
    platform_id UUID    NOT NULL PRIMARY KEY,
    currency    CHAR(3) NOT NULL
);

CREATE TABLE ledger_customers (
    customer_id UUID NOT NULL PRIMARY KEY,
    platform_id UUID NOT NULL
);

-- Each platform's pool as GET /credit-pool shows it: written in the transaction of each change.
CREATE TABLE credit_pools (
    platform_id UUID    NOT NULL PRIMARY KEY,
    currency    CHAR(3) NOT NULL,
    total       BIGINT  NOT NULL CHECK (total >= 0),
    allocated   BIGINT  NOT NULL CHECK (allocated >= 0 AND allocated <= total)
);
