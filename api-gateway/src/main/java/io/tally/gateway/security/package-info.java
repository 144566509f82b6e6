/**
 * Bearer tokens checked before anything is forwarded: signature against auth-service's keys, issuer, times, an
 * issue time, the route's role, and not revoked.
 */
package io.tally.gateway.security;
