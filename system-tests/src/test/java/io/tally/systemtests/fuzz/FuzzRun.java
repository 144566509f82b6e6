package io.tally.systemtests.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

import java.security.SecureRandom;

/**
 * A longer or different run than CI's without touching the code: {@code -Dtally.fuzz.tries=N} sets the
 * number of tries, {@code -Dtally.fuzz.seed=S} the seed ({@code random} for a new one, which the report
 * then names so that a failure can be replayed with it).
 */
class FuzzRun implements AroundPropertyHook {

    static final String TRIES = "tally.fuzz.tries";
    static final String SEED = "tally.fuzz.seed";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer tries = Integer.getInteger(TRIES);
        if (tries != null) {
            context.attributes().setTries(tries);
        }
        String seed = System.getProperty(SEED);
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.equals("random") ? Long.toString(new SecureRandom().nextLong()) : seed);
        }
        return property.execute();
    }
}
