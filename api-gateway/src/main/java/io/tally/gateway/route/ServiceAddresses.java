package io.tally.gateway.route;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.Objects;

/**
 * Where each service answers (environment variables TALLY_*_SERVICE_URL), and where its management port answers
 * ({@code management}, TALLY_*_MANAGEMENT_URL): its health, metrics and API document, which its API's port never
 * serves.
 */
@ConfigurationProperties("tally.services")
public record ServiceAddresses(URI customer, URI ledger, URI auth, Management management) {

    public ServiceAddresses {
        Objects.requireNonNull(customer, "tally.services.customer");
        Objects.requireNonNull(ledger, "tally.services.ledger");
        Objects.requireNonNull(auth, "tally.services.auth");
        Objects.requireNonNull(management, "tally.services.management");
    }

    /** Each service's management address. */
    public record Management(URI customer, URI ledger, URI auth) {

        public Management {
            Objects.requireNonNull(customer, "tally.services.management.customer");
            Objects.requireNonNull(ledger, "tally.services.management.ledger");
            Objects.requireNonNull(auth, "tally.services.management.auth");
        }
    }

    public URI of(Backend backend) {
        return switch (backend) {
            case CUSTOMER -> customer;
            case LEDGER -> ledger;
            case AUTH -> auth;
        };
    }

    public URI managementOf(Backend backend) {
        return switch (backend) {
            case CUSTOMER -> management.customer();
            case LEDGER -> management.ledger();
            case AUTH -> management.auth();
        };
    }
}
