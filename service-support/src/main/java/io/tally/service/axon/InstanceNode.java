package io.tally.service.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This instance among its service's instances, as it claims segments in the token store and counts itself in
 * processor_instances: its process id and host, and a random part, so that a restarted process whose id is reused,
 * or a second application context in one process (as the tests start one), is another instance.
 */
public record InstanceNode(String id) {

    public static InstanceNode ofThisProcess() {
        return new InstanceNode(ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }
}
