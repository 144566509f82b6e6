/**
 * The actuator on the gateway's management port, nothing else there; and of the actuator, health alone on the public
 * port.
 */
package io.tally.gateway.management;
