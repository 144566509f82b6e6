package io.tally.gateway.route;

/** Who may call a route; checked at the gateway before anything is forwarded. */
public enum Access {
    /** No token needed; rate-limited per client address. */
    ANYONE,
    /** Any valid token, whatever its role. */
    SIGNED_IN,
    PROVIDER,
    PLATFORM_ADMIN,
    CUSTOMER;

    /** The authority a token must carry, or null where any token (or none) will do. */
    public String authority() {
        return switch (this) {
            case ANYONE, SIGNED_IN -> null;
            default -> "ROLE_" + name();
        };
    }
}
