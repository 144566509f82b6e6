package io.tally.localstack;

/** The command line of local-stack/run, after the script took its own options. */
record LaunchOptions(boolean fresh, Ports ports) {

    static final String USAGE = "usage: ./local-stack/run [--fresh] [--port-offset N] [--no-build]";

    static LaunchOptions parse(String... arguments) {
        boolean fresh = false;
        int portOffset = 0;
        for (int index = 0; index < arguments.length; index++) {
            switch (arguments[index]) {
                case "--fresh" -> fresh = true;
                case "--port-offset" -> {
                    if (index + 1 == arguments.length) {
                        throw new IllegalArgumentException("--port-offset needs a number");
                    }
                    portOffset = portOffset(arguments[++index]);
                }
                default -> throw new IllegalArgumentException("unknown option " + arguments[index]);
            }
        }
        return new LaunchOptions(fresh, new Ports(portOffset));
    }

    private static int portOffset(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--port-offset needs a number, not " + text);
        }
    }
}
