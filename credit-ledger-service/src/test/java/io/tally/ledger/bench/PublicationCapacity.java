package io.tally.ledger.bench;

import io.tally.testsupport.bench.ClosedLoop;
import io.tally.testsupport.bench.ClosedLoop.Result;
import io.tally.testsupport.bench.InProcessService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Step 5: how many events per second the Kafka publication sends when it has more to send than
 * the writes make, which the write steps never show (there the publisher keeps up, so its rate
 * is the writes' rate). The publisher is stopped while refills run, which leaves a backlog in the
 * event store; then it is started again while the refills go on, and its position is sampled
 * until it is back within one batch of the store's head or the writes' window ends. Its rate is
 * the events it moved past in that time; afterwards, with no writes, the rest is drained and
 * timed too. The topics' end offsets before and after say how many records reached the broker.
 */
final class PublicationCapacity {

    /** The processing group of the publication (PublicationConfiguration's default). */
    static final String PROCESSOR = "kafka-publisher";
    /** The publication's batch: within one batch of the head, the publisher no longer has a backlog. */
    private static final long ONE_BATCH = 100;
    private static final long SAMPLE_MILLIS = 100;

    /**
     * What step 5 measured. {@code drained} events in {@code drainSeconds} while the writes went
     * on ({@code caughtUp} when it got within a batch of the head before they ended); then
     * {@code rest} events left when they ended, handled in {@code restSeconds}.
     */
    record Outcome(int clients, int backlogSeconds, long backlog, Result writes, long drained,
                   double drainSeconds, boolean caughtUp, long rest, double restSeconds, boolean restHandled,
                   long storedEvents, long recordsOnKafka) {

        double drainRate() {
            return drained / drainSeconds;
        }

        double restRate() {
            return rest == 0 ? Double.NaN : rest / restSeconds;
        }
    }

    private final InProcessService service;
    private final ClosedLoop loop;
    private final LongSupplier head;
    private final Consumer<String> say;

    PublicationCapacity(InProcessService service, ClosedLoop loop, LongSupplier head, Consumer<String> say) {
        this.service = service;
        this.loop = loop;
        this.head = head;
        this.say = say;
    }

    /**
     * Refills from {@code refills} (given a key prefix) at {@code clients} for {@code backlogSeconds}
     * with the publisher stopped, then for {@code seconds} while it drains. The publisher must have
     * caught up before.
     */
    Outcome measure(int clients, int backlogSeconds, int seconds,
                    Function<String, ClosedLoop.ClientFactory> refills) throws Exception {
        StreamingEventProcessor publisher = service.bean(EventProcessingConfiguration.class)
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no event processor " + PROCESSOR));
        long recordsBefore = recordsOnKafka();
        long from = position(publisher, -1);
        if (head.getAsLong() - from > 0) {
            throw new IllegalStateException("the publisher is behind before step 5: at " + from);
        }
        publisher.shutDown();
        say.accept(String.format(Locale.ROOT, "5. publication: the publisher stopped at event %d; refills at %d "
                + "clients for %d s make a backlog", from, clients, backlogSeconds));
        loop.run("backlog", clients, 0, backlogSeconds, refills.apply("pb"));
        long backlog = head.getAsLong() - from;
        say.accept(String.format(Locale.ROOT, "  a backlog of %d events; the publisher starts again while refills "
                + "go on for %d s", backlog, seconds));

        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<Result> writes = writer.submit(() -> loop.run("refills while the publisher drains", clients, 0,
                    seconds, refills.apply("pd")));
            long started = System.nanoTime();
            publisher.start();
            long at = from;
            boolean caughtUp = false;
            long lastSaid = started;
            while (!writes.isDone()) {
                TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
                at = position(publisher, at);
                if (head.getAsLong() - at <= ONE_BATCH) {
                    caughtUp = true;
                    break;
                }
                if (System.nanoTime() - lastSaid >= TimeUnit.SECONDS.toNanos(5)) {
                    lastSaid = System.nanoTime();
                    say.accept(String.format(Locale.ROOT, "  the publisher is at %d, %d behind the head",
                            at, head.getAsLong() - at));
                }
            }
            double drainSeconds = secondsSince(started);
            long drained = at - from;
            Result result = get(writes);
            long left = head.getAsLong() - position(publisher, at);
            long restStarted = System.nanoTime();
            long end = head.getAsLong();
            while (position(publisher, at) < end && secondsSince(restStarted) < TimeUnit.MINUTES.toSeconds(10)) {
                TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS / 10);
            }
            double restSeconds = secondsSince(restStarted);
            boolean restHandled = position(publisher, at) >= end;
            long records = recordsOnKafka() - recordsBefore;
            Outcome outcome = new Outcome(clients, backlogSeconds, backlog, result, drained, drainSeconds, caughtUp,
                    left, restSeconds, restHandled, end - from, records);
            say.accept(String.format(Locale.ROOT, "  published %d events in %.1f s while writes went on (%.0f/s)%s; "
                    + "%d left, handled in %.2f s; %d events stored, %d records reached Kafka", drained, drainSeconds,
                    outcome.drainRate(), caughtUp ? ", caught up" : ", still behind when the writes ended", left,
                    restSeconds, outcome.storedEvents(), records));
            return outcome;
        } finally {
            writer.shutdownNow();
        }
    }

    /** The publisher's position: the lowest of its segments', or {@code otherwise} while it has none yet. */
    private static long position(StreamingEventProcessor publisher, long otherwise) {
        return publisher.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(otherwise))
                .min().orElse(otherwise);
    }

    private static Result get(Future<Result> writes) throws InterruptedException {
        try {
            return writes.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the refills failed", e.getCause());
        }
    }

    /** The sum of the end offsets of every topic on the in-process broker. */
    private static long recordsOnKafka() throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty(InProcessService.BOOTSTRAP_PROPERTY));
        try (Admin admin = Admin.create(config)) {
            Map<String, TopicDescription> topics = admin.describeTopics(admin.listTopics().names().get())
                    .allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(partition ->
                    latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
