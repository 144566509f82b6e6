/**
 * Sessions: short-lived signed access tokens and rotating refresh tokens (only their hashes kept), started,
 * refreshed and ended for an account the account slice describes.
 */
package io.tally.auth.session;
