package io.tally.localstack;

/** The bearer tokens the launcher hands out while it plays token issuer. */
record DevTokens(String platformAdmin, String provider) {
}
