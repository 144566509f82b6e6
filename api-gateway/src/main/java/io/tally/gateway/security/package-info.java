/**
 * Bearer tokens checked before anything is forwarded: signature against auth-service's keys, then the access-token
 * rules every service checks too (issuer, audience, times, an issue time), the route's role, and not revoked.
 */
package io.tally.gateway.security;
