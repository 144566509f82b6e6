package io.tally.contracts.customer;

public enum BillingType {
    INDIVIDUAL,
    ENTERPRISE;

    public TeamType teamType() {
        return this == INDIVIDUAL ? TeamType.INDIVIDUAL : TeamType.ENTERPRISE;
    }
}
