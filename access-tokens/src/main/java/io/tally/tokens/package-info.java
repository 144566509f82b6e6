/**
 * Tally's access tokens, checked alike at the gateway and in every service: the rules that make a correctly signed
 * token one of Tally's (issuer, audience, times, an issue time), and the sessions ended at auth-service, followed on
 * tally.auth.events, before which a subject's tokens are refused. Framework-neutral: the reactive gateway and the
 * servlet services each wire these into their own decoder, lifecycle and health.
 */
package io.tally.tokens;
