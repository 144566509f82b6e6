package io.tally.ledger.chain;

/**
 * The aggregates that keep a chain of entries (a customer's ledger, a platform's pool) stay in memory between
 * commands, in one cache: the bean of this name, which config provides.
 */
public final class LedgerAggregates {

    public static final String CACHE = "ledgerAggregateCache";

    private LedgerAggregates() {
    }
}
