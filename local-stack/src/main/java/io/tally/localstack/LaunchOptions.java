package io.tally.localstack;

/** The command line of local-stack/run, after the script took its own options. */
record LaunchOptions(boolean fresh, Ports ports, boolean demo) {

    static final String USAGE = "usage: ./local-stack/run [--fresh] [--demo] [--port-offset N] [--no-build]";

    static LaunchOptions parse(String... arguments) {
        boolean fresh = false;
        boolean demo = false;
        int portOffset = 0;
        for (int index = 0; index < arguments.length; index++) {
            switch (arguments[index]) {
                case "--fresh" -> fresh = true;
                case "--demo" -> demo = true;
                case "--port-offset" -> {
                    if (index + 1 == arguments.length) {
                        throw new IllegalArgumentException("--port-offset needs a number");
                    }
                    portOffset = portOffset(arguments[++index]);
                }
                default -> throw new IllegalArgumentException("unknown option " + arguments[index]);
            }
        }
        return new LaunchOptions(fresh, new Ports(portOffset), demo);
    }

    private static int portOffset(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--port-offset needs a number, not " + text);
        }
    }
}
