package io.tally.localstack;

import java.util.List;
import java.util.Optional;

/** The one table of the system's services: the launcher starts those that are built. */
final class Services {

    private static final String HEALTH = "/actuator/health";
    /**
     * The gateway's own "may take requests" signal: it turns UP once the revocations on
     * tally.auth.events are read, since a revoked token would pass before that.
     */
    private static final String READINESS = "/actuator/health/readiness";

    static final Service CUSTOMER = new Service("customer-service", "customer", Console.Colour.CYAN, 8081, 9081,
            Optional.of("customers"), HEALTH);
    static final Service LEDGER = new Service("credit-ledger-service", "ledger", Console.Colour.GREEN, 8082, 9082,
            Optional.of("ledger"), HEALTH);
    static final Service AUTH = new Service("auth-service", "auth", Console.Colour.MAGENTA, 8083, 9083,
            Optional.of("auth"), HEALTH);
    static final Service GATEWAY = new Service("api-gateway", "gateway", Console.Colour.BLUE, 8080, 9080,
            Optional.empty(), READINESS);

    static final List<Service> PLANNED = List.of(CUSTOMER, LEDGER, AUTH, GATEWAY);

    private Services() {
    }

    /** Created for every planned service, built or not, so that a newly built one finds its database. */
    static List<String> databases() {
        return PLANNED.stream().flatMap(service -> service.database().stream()).toList();
    }
}
