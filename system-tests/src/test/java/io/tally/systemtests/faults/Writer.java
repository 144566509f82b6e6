package io.tally.systemtests.faults;

import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Console;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * One client writing steadily, one write after another, each sent until it is accepted: on a refusal or a lost
 * answer it goes to the next gateway and sends the same write again (the same Idempotency-Key, or the same
 * idempotent PUT), as a careful client does. Every attempt that was not accepted is kept with its time.
 */
final class Writer implements Runnable {

    /** An attempt that was not accepted: its status (0: the answer was lost) and problem code, and when. */
    record Refusal(String writer, long atNanos, int status, String code) {
    }

    /** An accepted write: its step, when its accepted attempt was answered, and the answer. */
    record Accepted(int step, long atNanos, Api.Response answer) {
    }

    static final int LOST = 0;
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final String name;
    private final String kind;
    private final List<Api> gateways;
    private final BiFunction<Api, Integer, Api.Response> send;
    private final int acceptedStatus;
    private final long pauseMillis;
    private final List<Refusal> refusals;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger unresolved = new AtomicInteger();
    private volatile boolean stopping;
    private int gateway;

    /** {@code send} sends step {@code step} of the write to a gateway; {@code acceptedStatus} is the status accepting it. */
    Writer(String name, String kind, List<Api> gateways, BiFunction<Api, Integer, Api.Response> send,
           int acceptedStatus, long pauseMillis, List<Refusal> refusals, int firstGateway) {
        this.name = name;
        this.kind = kind;
        this.gateways = gateways;
        this.send = send;
        this.acceptedStatus = acceptedStatus;
        this.pauseMillis = pauseMillis;
        this.refusals = refusals;
        this.gateway = firstGateway;
    }

    String name() {
        return name;
    }

    /** What the writer writes to: refill, credits, tags, sign-in. */
    String kind() {
        return kind;
    }

    @Override
    public void run() {
        for (int step = 1; !stopping; step++) {
            long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
            while (true) {
                Api.Response answer = attempt(step);
                if (answer != null) {
                    accepted.add(new Accepted(step, System.nanoTime(), answer));
                    break;
                }
                if (System.nanoTime() > deadline) {
                    unresolved.incrementAndGet();
                    return;
                }
                gateway = (gateway + 1) % gateways.size();
                Console.pause(100);
            }
            Console.pause(pauseMillis);
        }
    }

    /** The answer when accepted; otherwise the refusal is kept and null returned. */
    private Api.Response attempt(int step) {
        try {
            Api.Response answer = send.apply(gateways.get(gateway), step);
            if (answer.status() == acceptedStatus) {
                return answer;
            }
            String code = answer.body() != null && answer.body().startsWith("{") ? answer.code() : null;
            refusals.add(new Refusal(name, System.nanoTime(), answer.status(), code));
        } catch (UncheckedIOException lost) {
            refusals.add(new Refusal(name, System.nanoTime(), LOST, lost.getCause().getClass().getSimpleName()));
        }
        return null;
    }

    /** Lets the write in hand be accepted, then stops. */
    void stop() {
        stopping = true;
    }

    List<Accepted> accepted() {
        return new ArrayList<>(accepted);
    }

    /** Accepted writes answered at or before {@code nanos}. */
    long acceptedBy(long nanos) {
        return accepted.stream().filter(each -> each.atNanos() <= nanos).count();
    }

    /** Writes given up after {@link #GIVE_UP_AFTER} of refusals: none, in a system that heals. */
    int unresolved() {
        return unresolved.get();
    }
}
