package io.tally.systemtests.bench;

/**
 * How a benchmark on the local stack starts and ends: with the provider's password from the
 * environment (bench/local-stack-bench.sh exports it), its failure printed, and the process's
 * exit status saying whether it ran through.
 */
final class StackBenchmarkMain {

    /** A benchmark given the provider's password. */
    interface Benchmark {
        void run(String providerPassword) throws Exception;
    }

    private StackBenchmarkMain() {
    }

    static void run(Benchmark benchmark) {
        int status = 0;
        try {
            String password = System.getenv("TALLY_PROVIDER_PASSWORD");
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("TALLY_PROVIDER_PASSWORD (the provider's password) is not set");
            }
            benchmark.run(password);
        } catch (Throwable e) {
            status = 1;
            e.printStackTrace(System.out);
        }
        System.out.flush();
        System.exit(status);
    }
}
