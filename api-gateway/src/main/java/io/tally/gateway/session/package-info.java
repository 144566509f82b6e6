/**
 * The console's browser sessions: sign-in, refresh and sign-out with the refresh token in an HttpOnly cookie,
 * guarded by a CSRF token and the Origin.
 */
package io.tally.gateway.session;
