/**
 * Invitation links: the Invitation aggregate and its rules, the invitations read model, the sweep that expires
 * them, and the admin's HTTP endpoints to issue, list, find and revoke them.
 */
package io.tally.customer.invitation;
