/**
 * Token buckets per client address (anonymous calls) and per token subject (every other call), answering 429 with
 * Retry-After over the rate.
 */
package io.tally.gateway.ratelimit;
