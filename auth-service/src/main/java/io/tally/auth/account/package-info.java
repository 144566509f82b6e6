/**
 * Accounts that sign in (the provider, platform admins, customers): the Account aggregate with its password
 * resets, own password changes, state and session ends; the login read model; the provider's bootstrap, the
 * platform admins' creation and customers' credentials from customer-service's facts.
 */
package io.tally.auth.account;
