package io.tally.service.web;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A command whose stream grew under it (another instance wrote it) is sent again; nothing else is. */
class DispatcherTest {

    private final List<Object> sent = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aCommandMeetingAGrownStreamIsSentAgainUntilItPasses() {
        Dispatcher dispatcher = new Dispatcher(gateway(attempt -> {
            if (attempt < 3) {
                throw new ConcurrencyException("An event for aggregate [c-1] at sequence [7] was already inserted");
            }
            return "done";
        }), meters);

        String answer = dispatcher.send("refill", null);

        assertThat(answer).isEqualTo("done");
        assertThat(sent).hasSize(3);
        assertThat(meters.counter(Dispatcher.RESENT).count()).isEqualTo(2);
    }

    @Test
    void aStreamThatKeepsGrowingIsAConflictAfterFiveAttempts() {
        Dispatcher dispatcher = new Dispatcher(gateway(attempt -> {
            throw new IllegalStateException("wrapped", new ConcurrencyException("already inserted"));
        }), meters);

        assertThatThrownBy(() -> dispatcher.send("refill", null))
                .isInstanceOfSatisfying(DomainException.class, conflict -> {
                    assertThat(conflict.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(conflict.code()).isEqualTo("concurrent_change");
                });
        assertThat(sent).hasSize(Dispatcher.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotSentAgain() {
        Dispatcher dispatcher = new Dispatcher(gateway(attempt -> {
            throw new IllegalStateException("boom");
        }), meters);

        assertThatThrownBy(() -> dispatcher.send("refill", null)).hasMessage("boom");
        assertThat(sent).hasSize(1);
        assertThat(meters.counter(Dispatcher.RESENT).count()).isZero();
    }

    /** A gateway whose sendAndWait answers by the attempt's number (from 1). */
    private CommandGateway gateway(IntFunction<Object> answer) {
        return (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CommandGateway.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("sendAndWait") || args.length != 1) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    sent.add(args[0]);
                    return answer.apply(sent.size());
                });
    }
}
