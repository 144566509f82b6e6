package io.tally.localstack;

/** Every port the stack listens on, all shifted by one offset so that two stacks can run side by side. */
record Ports(int offset) {

    static final String LOOPBACK = "127.0.0.1";
    static final int KAFKA = 9092;
    static final int KAFKA_CONTROLLER = 9093;
    static final int DEV_JWKS = 8099;
    /** The controller has the highest base port. */
    static final int MAX_OFFSET = 65535 - KAFKA_CONTROLLER;

    Ports {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("the port offset must be between 0 and " + MAX_OFFSET + ", not " + offset);
        }
    }

    int kafka() {
        return KAFKA + offset;
    }

    int kafkaController() {
        return KAFKA_CONTROLLER + offset;
    }

    int devJwks() {
        return DEV_JWKS + offset;
    }

    /** Between one instance's ports and the next's: the second customer-service listens on 8181 and 9181. */
    static final int INSTANCE_STEP = 100;

    int of(Service service) {
        return of(service, 0);
    }

    /** Where the service's actuator answers: health, metrics, its API document. */
    int managementOf(Service service) {
        return managementOf(service, 0);
    }

    /** The port of the service's instance {@code index} (from 0). */
    int of(Service service, int index) {
        return service.basePort() + offset + INSTANCE_STEP * index;
    }

    /** The management port of the service's instance {@code index} (from 0). */
    int managementOf(Service service, int index) {
        return service.baseManagementPort() + offset + INSTANCE_STEP * index;
    }

    String kafkaBootstrapServers() {
        return LOOPBACK + ":" + kafka();
    }
}
