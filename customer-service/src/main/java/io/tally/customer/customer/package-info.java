/**
 * The customer: the Customer aggregate with its commands, rules (profile, billing information, team type, state,
 * tags, plain text, email verification) and rejections, account creation with one email per platform, and the
 * admin's and the customer's own changes to a customer over HTTP.
 */
package io.tally.customer.customer;
