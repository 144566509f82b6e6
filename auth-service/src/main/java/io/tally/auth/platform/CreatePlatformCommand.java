package io.tally.auth.platform;

/** {@code currency} may be null: a platform keeps its amounts in USD unless told otherwise. */
record CreatePlatformCommand(String platformId, String name, String currency) {
}
