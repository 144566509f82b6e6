/**
 * Sessions ended at auth-service, followed on tally.auth.events, so that every token of a revoked subject is
 * refused at the edge.
 */
package io.tally.gateway.revocation;
