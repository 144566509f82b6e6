package io.tally.ledger.money;

/**
 * What a money write does to a ledger, by the name the write counts ({@code tally.ledger.writes}) and the
 * Idempotency-Key index keep: {@code refill}, {@code deduction}, {@code credits}, {@code pool_total}.
 */
public enum LedgerOperation {
    REFILL("refill"),
    DEDUCTION("deduction"),
    CREDITS("credits"),
    POOL_TOTAL("pool_total");

    private final String code;

    LedgerOperation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static LedgerOperation ofCode(String code) {
        for (LedgerOperation operation : values()) {
            if (operation.code.equals(code)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("No ledger operation " + code);
    }
}
