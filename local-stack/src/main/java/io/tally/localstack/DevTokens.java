package io.tally.localstack;

import java.util.Map;

/** The bearer tokens the launcher hands out while it plays token issuer. */
record DevTokens(String platformAdmin, String provider) {

    static final String PLATFORM_ADMIN_VARIABLE = "TOKEN";
    static final String PROVIDER_VARIABLE = "PROVIDER_TOKEN";

    /** Their lines in the credentials file: the summary names them, and never shows them. */
    Map<String, String> credentials() {
        return Map.of(PLATFORM_ADMIN_VARIABLE, platformAdmin, PROVIDER_VARIABLE, provider);
    }
}
