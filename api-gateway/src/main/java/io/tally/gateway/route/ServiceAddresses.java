package io.tally.gateway.route;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.Objects;

/** Where each service answers (environment variables TALLY_*_SERVICE_URL). */
@ConfigurationProperties("tally.services")
public record ServiceAddresses(URI customer, URI ledger, URI auth) {

    public ServiceAddresses {
        Objects.requireNonNull(customer, "tally.services.customer");
        Objects.requireNonNull(ledger, "tally.services.ledger");
        Objects.requireNonNull(auth, "tally.services.auth");
    }

    public URI of(Backend backend) {
        return switch (backend) {
            case CUSTOMER -> customer;
            case LEDGER -> ledger;
            case AUTH -> auth;
        };
    }
}
