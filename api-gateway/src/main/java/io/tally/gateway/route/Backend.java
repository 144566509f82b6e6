package io.tally.gateway.route;

/** The services behind the gateway, each owning a part of the API. */
public enum Backend {
    CUSTOMER("customer-service"),
    LEDGER("credit-ledger-service"),
    AUTH("auth-service");

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
