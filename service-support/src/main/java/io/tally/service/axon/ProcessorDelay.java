package io.tally.service.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long after it happened each event took effect in a tracking processor: from the event's time (when its
 * aggregate applied it, in whichever service; a consumed event keeps it on Kafka as {@code ce_time}) until the
 * processor's transaction that handled it committed. For the publisher that is until the broker acknowledged it; for
 * a projection, until the row a reader sees was written. Recorded as {@code tally.processor.delay} per processor, its
 * median and 99th percentile published, so that a lag seen through the API can be told apart by stage.
 */
public final class ProcessorDelay implements MessageHandlerInterceptor<EventMessage<?>> {

    public static final String METER = "tally.processor.delay";

    private final Timer timer;
    private final Clock clock;

    public ProcessorDelay(MeterRegistry registry, String processor, Clock clock) {
        this.timer = Timer.builder(METER)
                .description("From an event's time until the processor's transaction that handled it committed")
                .tag("processor", processor)
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Instant occurred = unitOfWork.getMessage().getTimestamp();
        unitOfWork.afterCommit(committed -> timer.record(Duration.between(occurred, clock.instant())));
        return interceptorChain.proceed();
    }
}
