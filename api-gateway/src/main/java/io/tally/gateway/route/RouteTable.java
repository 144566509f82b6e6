package io.tally.gateway.route;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The API's map: which service owns each path and who may call it. The first route whose paths
 * match wins, so the more specific ones come first (a customer's balance belongs to the ledger,
 * the rest of the customer to customer-service). Routing and the role checks are both made from
 * this one table.
 */
public final class RouteTable {

    private static final String API = GatewayPaths.API;

    public static final List<ServiceRoute> ROUTES = List.of(
            new ServiceRoute("sign-in", Backend.AUTH, Access.ANYONE,
                    List.of(API + "/auth/login", API + "/auth/refresh")),
            new ServiceRoute("sign-out", Backend.AUTH, Access.SIGNED_IN, List.of(API + "/auth/logout")),
            new ServiceRoute("platform-credit-pool", Backend.LEDGER, Access.PROVIDER,
                    List.of(API + "/platforms/*/credit-pool")),
            new ServiceRoute("platforms", Backend.AUTH, Access.PROVIDER,
                    List.of(API + "/platforms/**", API + "/signing-keys/**")),
            new ServiceRoute("credit-pool", Backend.LEDGER, Access.PLATFORM_ADMIN, List.of(API + "/credit-pool/**")),
            new ServiceRoute("customer-ledger", Backend.LEDGER, Access.PLATFORM_ADMIN,
                    List.of(API + "/customers/*/balance/**", API + "/customers/*/credits",
                            API + "/customers/*/billing-details/**", API + "/customers/*/ledger/**")),
            new ServiceRoute("password-resets", Backend.AUTH, Access.PLATFORM_ADMIN,
                    List.of(API + "/customers/*/password-resets/**")),
            new ServiceRoute("customers", Backend.CUSTOMER, Access.PLATFORM_ADMIN,
                    List.of(API + "/customers/**", API + "/invitations/**")),
            new ServiceRoute("registrations", Backend.AUTH, Access.ANYONE, List.of(API + "/public/registrations/**")),
            new ServiceRoute("public", Backend.CUSTOMER, Access.ANYONE, List.of(API + "/public/**")),
            new ServiceRoute("me-billing-details", Backend.LEDGER, Access.CUSTOMER,
                    List.of(API + "/me/billing-details/**")),
            new ServiceRoute("me-password", Backend.AUTH, Access.SIGNED_IN, List.of(API + "/me/password")),
            new ServiceRoute("me", Backend.CUSTOMER, Access.CUSTOMER, List.of(API + "/me/**")),
            new ServiceRoute("jwks", Backend.AUTH, Access.ANYONE, List.of("/.well-known/jwks.json")));

    private static final Map<String, ServiceRoute> BY_ID =
            ROUTES.stream().collect(Collectors.toUnmodifiableMap(ServiceRoute::id, Function.identity()));

    private RouteTable() {
    }

    public static Optional<ServiceRoute> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
