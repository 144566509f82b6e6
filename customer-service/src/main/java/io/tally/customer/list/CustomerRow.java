package io.tally.customer.list;

import io.tally.contracts.customer.PostalAddress;

import java.time.Instant;
import java.util.List;

/** One customer as the list and the details show it; amounts as decimal strings. */
record CustomerRow(String id, String account, String teamName, String teamType, String companyName,
                          String balance, String credits, String currency, String state, List<String> tags,
                          Instant registeredAt, boolean emailVerified, String billingType, String contactName,
                          String phone, PostalAddress address) {
}
