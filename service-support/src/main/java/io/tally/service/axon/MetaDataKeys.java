package io.tally.service.axon;

/** Metadata keys that follow a request from its command into every event it causes, and onto Kafka. */
public final class MetaDataKeys {

    public static final String CORRELATION_ID = "correlationId";
    public static final String ACTOR = "actor";
    public static final String PLATFORM_ID = "platformId";

    private MetaDataKeys() {
    }
}
