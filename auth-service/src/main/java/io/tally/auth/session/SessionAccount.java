package io.tally.auth.session;

import java.time.Instant;

/**
 * What a session needs to know of its account, as the account slice keeps it: who it is, what it may do, whether
 * it may sign in, and the instant before which its sessions ended ({@code null} while none has ended).
 */
public interface SessionAccount {

    String accountId();

    /** The account's role, as the access token names it. */
    String roleName();

    /** Null for the provider, who belongs to no platform. */
    String platformId();

    /** The username as sign-in compares it: in lower case. */
    String usernameKey();

    boolean enabled();

    Instant sessionsNotBefore();
}
