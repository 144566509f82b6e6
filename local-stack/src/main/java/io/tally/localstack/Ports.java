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

    int of(Service service) {
        return service.basePort() + offset;
    }

    /** Where the service's actuator answers: health, metrics, its API document. */
    int managementOf(Service service) {
        return service.baseManagementPort() + offset;
    }

    String kafkaBootstrapServers() {
        return LOOPBACK + ":" + kafka();
    }
}
