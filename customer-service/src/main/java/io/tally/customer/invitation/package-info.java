/**
 * Invitation links: the Invitation aggregate and its rules (single use, expiry, revocation, the lock after
 * registrations refused for taken addresses), the invitations read model, the sweep that expires them, and the
 * admin's HTTP endpoints to issue, list, find and revoke them.
 */
package io.tally.customer.invitation;
