/**
 * Platforms (tenants): the Platform aggregate with its name, unique ignoring case, and its currency, and the
 * provider's route that creates one.
 */
package io.tally.auth.platform;
