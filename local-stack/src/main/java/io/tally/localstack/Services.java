package io.tally.localstack;

import java.util.List;
import java.util.Optional;

/** The one table of the system's services: the launcher starts those that are built. */
final class Services {

    static final Service CUSTOMER =
            new Service("customer-service", "customer", Console.Colour.CYAN, 8081, Optional.of("customers"));
    static final Service LEDGER =
            new Service("credit-ledger-service", "ledger", Console.Colour.GREEN, 8082, Optional.of("ledger"));
    static final Service AUTH =
            new Service("auth-service", "auth", Console.Colour.MAGENTA, 8083, Optional.of("auth"));
    static final Service GATEWAY =
            new Service("api-gateway", "gateway", Console.Colour.BLUE, 8080, Optional.empty());

    static final List<Service> PLANNED = List.of(CUSTOMER, LEDGER, AUTH, GATEWAY);

    private Services() {
    }

    /** Created for every planned service, built or not, so that a newly built one finds its database. */
    static List<String> databases() {
        return PLANNED.stream().flatMap(service -> service.database().stream()).toList();
    }
}
