package io.tally.service.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tally.service.axon.MetaDataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a command with who asked and the request's correlation id in its metadata. An id that
 * names an aggregate of another kind (an invitation's id on a customer route) is not found, like
 * any unknown id.
 * <p>
 * With several instances of a service, one may hold an aggregate in its cache while another appends to its
 * stream. The stale instance's next command then meets the event store's unique (aggregate, sequence) key: the
 * append is refused ({@link ConcurrencyException}), its unit of work rolls back and evicts the cached aggregate,
 * and nothing was stored. Such a command is sent again, up to {@value #ATTEMPTS} times in all, and reloads the
 * aggregate from the store each time; it is decided afresh against the newer stream (a deduction the other
 * instance's made impossible is refused as any would be). Should the stream keep changing under it, the answer is
 * a 409 {@code concurrent_change}, never a 5xx.
 */
@Component
public class Dispatcher {

    public static final String ANONYMOUS = "anonymous";
    /** How many times in all a command is sent while its aggregate keeps changing under it. */
    static final int ATTEMPTS = 5;

    /** The counter of commands sent again. */
    public static final String RESENT = "tally.commands.resent";

    private final CommandGateway commandGateway;
    private final Counter resent;

    public Dispatcher(CommandGateway commandGateway, MeterRegistry meters) {
        this.commandGateway = commandGateway;
        this.resent = Counter.builder(RESENT)
                .description("Commands sent again because their aggregate's stream grew meanwhile (another instance"
                        + " wrote it)")
                .register(meters);
    }

    public <R> R send(Object command, Caller caller) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MetaDataKeys.CORRELATION_ID, RequestContext.correlationId());
        metaData.put(MetaDataKeys.ACTOR, caller == null ? ANONYMOUS : caller.subject());
        if (caller != null && caller.platformId() != null) {
            metaData.put(MetaDataKeys.PLATFORM_ID, caller.platformId());
        }
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(metaData));
        for (int attempt = 1; ; attempt++) {
            try {
                return commandGateway.sendAndWait(message);
            } catch (IncompatibleAggregateException otherKind) {
                throw new AggregateNotFoundException(String.valueOf(command), "The id names an aggregate of another kind");
            } catch (RuntimeException failure) {
                if (!changedMeanwhile(failure)) {
                    throw failure;
                }
                if (attempt >= ATTEMPTS) {
                    throw new ConcurrentChangeException(failure);
                }
                resent.increment();
                pause(attempt);
            }
        }
    }

    /** Whether the failure is the event store refusing an append to a stream that grew meanwhile. */
    static boolean changedMeanwhile(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /** A few milliseconds, more with each attempt and at random, so that two instances do not meet again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a command again", e);
        }
    }

    /** The stream kept changing under the command: a conflict the caller may try again. */
    static final class ConcurrentChangeException extends DomainException {

        ConcurrentChangeException(Throwable cause) {
            super(Kind.CONFLICT, "concurrent_change", null,
                    "The resource was changed by another request at the same moment, again and again: try again.");
            initCause(cause);
        }
    }
}
