package io.tally.service.axon;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A processor's delay is the time from the event to the commit that handled it, and only a commit counts. */
class ProcessorDelayTest {

    private static final Instant OCCURRED = Instant.parse("2026-12-06T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProcessorDelay delay = new ProcessorDelay(registry, "ledger-figures",
            Clock.fixed(OCCURRED.plusMillis(250), ZoneOffset.UTC));

    @Test
    void aCommittedEventRecordsItsDelay() throws Exception {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event());
        unitOfWork.executeWithResult(() -> delay.handle(unitOfWork, proceeding()));
        Timer timer = registry.get(ProcessorDelay.METER).tag("processor", "ledger-figures").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250.0);
    }

    @Test
    void aRolledBackEventRecordsNothing() {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event());
        InterceptorChain failing = () -> {
            throw new IllegalStateException("the handler failed");
        };
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> delay.handle(unitOfWork, failing));
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).hasMessage("the handler failed");
        assertThat(registry.get(ProcessorDelay.METER).timer().count()).isZero();
    }

    private static EventMessage<?> event() {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), "fact", MetaData.emptyInstance(), OCCURRED);
    }

    private static InterceptorChain proceeding() {
        return () -> "handled";
    }
}
