package io.tally.systemtests.support;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test of the running system through the gateway; each test makes the platforms it needs. */
@ExtendWith(TallySystemExtension.class)
public abstract class SystemTest {

    protected static TallySystem system;
    protected static Api api;
    protected static Console console;

    @BeforeAll
    static void attach(TallySystem running) {
        system = running;
        api = running.api();
        console = new Console(running);
    }
}
