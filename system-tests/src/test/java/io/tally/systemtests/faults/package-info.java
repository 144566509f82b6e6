/**
 * The fault drill: steady writes through two gateways to two instances of every service while one part after
 * another fails (an instance killed, the broker restarted, PostgreSQL restarted and stopped at once), each fault's
 * healing timed, and afterwards every accepted write checked against the ledger, the topic and the list.
 */
package io.tally.systemtests.faults;
