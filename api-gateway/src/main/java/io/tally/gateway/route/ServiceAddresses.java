package io.tally.gateway.route;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where each service's instances answer (environment variables TALLY_*_SERVICE_URL: one address, or several
 * separated by commas), and where their management ports answer ({@code management}, TALLY_*_MANAGEMENT_URL, in the
 * same order): their health, metrics and API document, which the API's port never serves.
 */
@ConfigurationProperties("tally.services")
public record ServiceAddresses(List<URI> customer, List<URI> ledger, List<URI> auth, Management management) {

    public ServiceAddresses {
        customer = required(customer, "tally.services.customer");
        ledger = required(ledger, "tally.services.ledger");
        auth = required(auth, "tally.services.auth");
        Objects.requireNonNull(management, "tally.services.management");
    }

    /** Each service's instances' management addresses, in the order of their API addresses. */
    public record Management(List<URI> customer, List<URI> ledger, List<URI> auth) {

        public Management {
            customer = required(customer, "tally.services.management.customer");
            ledger = required(ledger, "tally.services.management.ledger");
            auth = required(auth, "tally.services.management.auth");
        }
    }

    /** The service's instances' API addresses. */
    public List<URI> of(Backend backend) {
        return switch (backend) {
            case CUSTOMER -> customer;
            case LEDGER -> ledger;
            case AUTH -> auth;
        };
    }

    /** The service's instances' management addresses. */
    public List<URI> managementOf(Backend backend) {
        return switch (backend) {
            case CUSTOMER -> management.customer();
            case LEDGER -> management.ledger();
            case AUTH -> management.auth();
        };
    }

    private static List<URI> required(List<URI> addresses, String property) {
        Objects.requireNonNull(addresses, property);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException(property + " names no address");
        }
        return List.copyOf(addresses);
    }
}
