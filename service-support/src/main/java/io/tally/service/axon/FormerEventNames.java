package io.tally.service.axon;

import java.util.Map;
import java.util.Optional;

/**
 * The Java names under which a service's private events (those not in the published language) were stored before
 * their class moved. The event store names a private event by its class, so a stream written before a move still
 * reads after it: the serializer resolves a former name to the class that holds the event today. Declare one bean
 * per service; a name listed here must never be given to another class.
 */
public final class FormerEventNames {

    private final Map<String, String> currentByFormer;

    private FormerEventNames(Map<String, String> currentByFormer) {
        this.currentByFormer = Map.copyOf(currentByFormer);
    }

    /** {@code former class name → the class that holds the event today}. */
    public static FormerEventNames of(Map<String, Class<?>> classByFormerName) {
        Map<String, String> names = new java.util.HashMap<>();
        classByFormerName.forEach((former, current) -> {
            if (former.equals(current.getName())) {
                throw new IllegalArgumentException(former + " has not moved: it needs no former name");
            }
            names.put(former, current.getName());
        });
        return new FormerEventNames(names);
    }

    public static FormerEventNames none() {
        return new FormerEventNames(Map.of());
    }

    /** The class name that a stored name resolves to today, if it is a former name. */
    Optional<String> currentName(String storedName) {
        return Optional.ofNullable(currentByFormer.get(storedName));
    }
}
