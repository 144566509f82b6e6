/**
 * The customer list read model: its projections (customers and exact facet counts, and the ledger's balances and
 * credits from Kafka), its queries with cursor, sort and filters, the CSV export, and the details and own-profile
 * reads over HTTP.
 */
package io.tally.customer.list;
