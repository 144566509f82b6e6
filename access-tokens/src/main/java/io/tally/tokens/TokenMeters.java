package io.tally.tokens;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where the revocation checks are counted, and under which prefix: {@code tally.gateway} at the gateway (its
 * documented names), {@code tally} in a service, whose meters carry the service's name as a tag.
 */
public record TokenMeters(MeterRegistry registry, String prefix) {

    String name(String meter) {
        return prefix + "." + meter;
    }
}
