/** Login throttling: counts failed password checks per username and per client address, and locks them. */
package io.tally.auth.throttle;
