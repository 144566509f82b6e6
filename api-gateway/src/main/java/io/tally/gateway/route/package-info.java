/**
 * Which service owns each path and which role may call it: one table, from which the routes and the role checks
 * are both made.
 */
package io.tally.gateway.route;
