package io.tally.localstack;

/**
 * The command line of local-stack/run, after the script took its own options. {@code instances}: how many
 * instances of each service behind the gateway (1 to {@value #MOST_INSTANCES}; one gateway in front of them).
 */
record LaunchOptions(boolean fresh, Ports ports, boolean demo, int instances) {

    static final String USAGE =
            "usage: ./local-stack/run [--fresh] [--demo] [--port-offset N] [--instances N] [--no-build]";
    static final int MOST_INSTANCES = 5;

    LaunchOptions(boolean fresh, Ports ports, boolean demo) {
        this(fresh, ports, demo, 1);
    }

    LaunchOptions {
        if (instances < 1 || instances > MOST_INSTANCES) {
            throw new IllegalArgumentException("--instances takes 1 to " + MOST_INSTANCES + ", not " + instances);
        }
        for (Service service : Services.PLANNED) {
            if (ports.managementOf(service, instances - 1) > 65535 || ports.of(service, instances - 1) > 65535) {
                throw new IllegalArgumentException("--port-offset " + ports.offset() + " leaves no room for "
                        + instances + " instances of " + service.module());
            }
        }
    }

    static LaunchOptions parse(String... arguments) {
        boolean fresh = false;
        boolean demo = false;
        int portOffset = 0;
        int instances = 1;
        for (int index = 0; index < arguments.length; index++) {
            switch (arguments[index]) {
                case "--fresh" -> fresh = true;
                case "--demo" -> demo = true;
                case "--port-offset" -> {
                    if (index + 1 == arguments.length) {
                        throw new IllegalArgumentException("--port-offset needs a number");
                    }
                    portOffset = number("--port-offset", arguments[++index]);
                }
                case "--instances" -> {
                    if (index + 1 == arguments.length) {
                        throw new IllegalArgumentException("--instances needs a number");
                    }
                    instances = number("--instances", arguments[++index]);
                }
                default -> throw new IllegalArgumentException("unknown option " + arguments[index]);
            }
        }
        return new LaunchOptions(fresh, new Ports(portOffset), demo, instances);
    }

    private static int number(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(option + " needs a number, not " + text);
        }
    }
}
