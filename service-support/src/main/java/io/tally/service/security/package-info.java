/**
 * Every service defends itself, whatever reached its port: an access token counts only with auth-service's issuer
 * and the API's audience, a valid time and an issue time, and not after its subject's sessions ended (followed on
 * tally.auth.events, or for auth-service in its own store); forwarding headers count only from a trusted proxy.
 * Also the bearer secrets (link and refresh tokens) and their digests.
 */
package io.tally.service.security;
