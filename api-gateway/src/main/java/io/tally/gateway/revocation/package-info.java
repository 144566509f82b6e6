/**
 * Sessions ended at auth-service, followed on tally.auth.events (the access-tokens module's feed), so that every
 * token of a revoked subject is refused at the edge; the gateway is not ready until it has read them.
 */
package io.tally.gateway.revocation;
