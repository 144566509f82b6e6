package io.tally.ledger.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.micrometer.core.instrument.Timer;
import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.CustomerLedgerEvent;
import io.tally.contracts.ledger.LedgerEntryEvent;
import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import io.tally.ledger.chain.LedgerHash;
import io.tally.ledger.credits.PoolAllocationChangedEvent;
import io.tally.ledger.directory.LedgerDirectory;
import io.tally.ledger.directory.PlatformNotFoundException;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import io.tally.service.web.QueryParameters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What an auditor asks of the event store, never of a projection: a customer's or a pool's
 * figures as of an instant, replayed from the first event, and the verification of a chain.
 * Both read the aggregate's whole stream from sequence 0 (snapshots and caches are not
 * consulted), so they answer for what is stored, not for what the service believes. A platform
 * admin asks about the platform's own customers (another platform's is not found) and pool, as of
 * an instant that is required and not in the future: the ledger does not know it yet.
 */
@Component
class LedgerAudit {

    private static final Set<String> AS_OF = Set.of("at");

    private final EventStore eventStore;
    private final LedgerDirectory directory;
    private final Clock clock;
    private final Timer asOfTimer;
    private final Timer verificationTimer;

    LedgerAudit(EventStore eventStore, LedgerDirectory directory, Clock clock, MeterRegistry meters) {
        this.eventStore = eventStore;
        this.directory = directory;
        this.clock = clock;
        this.asOfTimer = Timer.builder("tally.ledger.audit.as_of").description("As-of replays from the event store")
                .register(meters);
        this.verificationTimer = Timer.builder("tally.ledger.audit.verification")
                .description("Hash-chain verifications from the event store").register(meters);
    }

    /**
     * A customer's figures as of an instant, in minor units of {@code currency}: those after the last entry made
     * at or before it.
     */
    record CustomerAsOf(String customerId, Instant at, String currency, long balance, long credits, long entries,
                        String lastEntryId, Instant lastEntryAt) {
    }

    /** A pool's figures as of an instant, in minor units of {@code currency}. */
    record PoolAsOf(String platformId, Instant at, String currency, long total, long allocated) {
    }

    /** The first entry of a chain that fails a rule, and which rule. */
    public record Break(
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0",
                    description = "Its place in the stored stream.", example = "2")
            long sequence,
            @Schema(format = "uuid", description = "Left out when the stored event is missing, unreadable or not"
                    + " itself a ledger entry (a pool allocation change).",
                    example = "9a7b3c2d-1e4f-4a5b-8c6d-7e8f9a0b1c2d")
            String entryId,
            @Schema(description = "Left out when the stored event is missing.", example = "2026-01-20T14:05:09.123456Z")
            Instant occurredAt,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"missing_entry", "unreadable",
                    "previous_hash_mismatch", "hash_mismatch", "figures_inconsistent"}, example = "hash_mismatch")
            String rule,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The rule in words.",
                    example = "The entry's content does not hash to the hash it carries: it was altered.")
            String detail) {
    }

    /**
     * A chain's verification: {@code firstBroken} null when every entry holds; {@code lastHash} the chain's head,
     * to compare with the last hash published on Kafka.
     */
    record Verification(String chain, long entries, String lastHash, Break firstBroken, Instant verifiedAt) {

        boolean ok() {
            return firstBroken == null;
        }
    }

    /** What walking a chain found. */
    private record Walk(long entries, String lastHash, Break firstBroken) {
    }

    CustomerAsOf customerAsOf(Caller caller, String customerId, Map<String, String> parameters) {
        String customer = directory.requireCustomerOf(caller.platformId(), customerId);
        Instant at = at(parameters);
        String currency = currencyOf(caller.platformId());
        return asOfTimer.record((Supplier<CustomerAsOf>) () -> {
            long balance = 0;
            long credits = 0;
            long entries = 0;
            LedgerEntryEvent last = null;
            DomainEventStream stream = eventStore.readEvents(customer, 0);
            while (stream.hasNext()) {
                Object payload = stream.next().getPayload();
                if (!(payload instanceof LedgerEntryEvent entry)) {
                    continue;
                }
                if (entry.occurredAt().isAfter(at)) {
                    break;
                }
                if (entry instanceof CustomerLedgerEvent customerEntry) {
                    balance = customerEntry.balanceAfter();
                    credits = customerEntry.creditsAfter();
                }
                entries++;
                last = entry;
            }
            return new CustomerAsOf(customer, at, currency, balance, credits, entries,
                    last == null ? null : last.entryId(), last == null ? null : last.occurredAt());
        });
    }

    PoolAsOf poolAsOf(Caller caller, Map<String, String> parameters) {
        String platformId = caller.platformId();
        String currency = currencyOf(platformId);
        Instant at = at(parameters);
        return asOfTimer.record((Supplier<PoolAsOf>) () -> {
            long total = 0;
            long allocated = 0;
            DomainEventStream stream = eventStore.readEvents(platformId, 0);
            while (stream.hasNext()) {
                Object payload = stream.next().getPayload();
                if (payload instanceof PlatformCreditPoolSetEvent set) {
                    if (set.occurredAt().isAfter(at)) {
                        break;
                    }
                    total = set.totalAfter();
                } else if (payload instanceof PoolAllocationChangedEvent change) {
                    if (change.occurredAt().isAfter(at)) {
                        break;
                    }
                    allocated = change.allocatedAfter();
                }
            }
            return new PoolAsOf(platformId, at, currency, total, allocated);
        });
    }

    /**
     * Walks a customer's stream: sequence numbers without gaps, each entry readable, carrying
     * the previous entry's hash, hashing to its own, and with figures that follow from the
     * previous entry's. Reports the first entry that breaks a rule.
     */
    Verification verifyCustomer(Caller caller, String customerId) {
        String customer = directory.requireCustomerOf(caller.platformId(), customerId);
        Walk walk = verificationTimer.record(() -> verify(customer, new CustomerFigures()));
        return verification("customer:" + customer, walk);
    }

    /** The same for a platform's pool chain: its PlatformCreditPoolSet entries and the allocations between them. */
    Verification verifyPool(Caller caller) {
        currencyOf(caller.platformId());
        Walk walk = verificationTimer.record(() -> verify(caller.platformId(), new PoolFigures()));
        return verification("credit-pool:" + caller.platformId(), walk);
    }

    private Verification verification(String chain, Walk walk) {
        return new Verification(chain, walk.entries(), walk.lastHash(), walk.firstBroken(), clock.instant());
    }

    private String currencyOf(String platformId) {
        if (platformId == null) {
            throw new PlatformNotFoundException("(none)");
        }
        return directory.currencyOf(platformId).orElseThrow(() -> new PlatformNotFoundException(platformId));
    }

    /** Required, an ISO-8601 instant, and not in the future: the ledger does not know it yet. */
    private Instant at(Map<String, String> values) {
        Instant at = new QueryParameters(values, AS_OF, "As-of").optional("at",
                value -> QueryParameters.instant("at", value)).orElseThrow(() -> new BadRequestException("at",
                "required", "at is required: the instant, such as 2026-01-31T00:00:00Z, to replay the ledger to."));
        if (at.isAfter(clock.instant())) {
            throw new BadRequestException("at", "not_in_future", "at must not be in the future.");
        }
        return at;
    }

    /** The figures a chain's entries must agree with, followed along the stream. */
    private interface Figures {

        /** The rule the entry breaks, or null. */
        String check(Object payload);
    }

    private Walk verify(String aggregateId, Figures figures) {
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        long expectedSequence = 0;
        long entries = 0;
        String lastHash = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() != expectedSequence) {
                return new Walk(entries, lastHash, new Break(expectedSequence, null, null, "missing_entry",
                        "The stream jumps from sequence " + (expectedSequence - 1) + " to "
                                + message.getSequenceNumber() + ": stored events were removed."));
            }
            expectedSequence++;
            Object payload;
            try {
                payload = message.getPayload();
            } catch (RuntimeException unreadable) {
                return new Walk(entries, lastHash, new Break(message.getSequenceNumber(), null,
                        message.getTimestamp(), "unreadable", "The stored event cannot be read: "
                        + unreadable.getClass().getSimpleName()));
            }
            String broken = null;
            if (payload instanceof LedgerEntryEvent entry) {
                if (!Objects.equals(entry.previousHash(), lastHash)) {
                    broken = "previous_hash_mismatch";
                } else if (!LedgerHash.of(entry).equals(entry.hash())) {
                    broken = "hash_mismatch";
                }
            }
            if (broken == null) {
                broken = figures.check(payload);
            }
            if (broken != null) {
                LedgerEntryEvent entry = payload instanceof LedgerEntryEvent e ? e : null;
                return new Walk(entries, lastHash, new Break(message.getSequenceNumber(),
                        entry == null ? null : entry.entryId(),
                        entry == null ? message.getTimestamp() : entry.occurredAt(), broken, describe(broken)));
            }
            if (payload instanceof LedgerEntryEvent entry) {
                entries++;
                lastHash = entry.hash();
            }
        }
        return new Walk(entries, lastHash, null);
    }

    private static String describe(String rule) {
        return switch (rule) {
            case "previous_hash_mismatch" -> "The entry does not carry the hash of the entry before it: an entry "
                    + "before it was altered, removed or reordered.";
            case "hash_mismatch" -> "The entry's content does not hash to the hash it carries: it was altered.";
            default -> "The entry's figures do not follow from the entry before it.";
        };
    }

    /** A customer's balance and credits along the stream. */
    private static final class CustomerFigures implements Figures {
        private long balance;
        private long credits;

        @Override
        public String check(Object payload) {
            boolean consistent = true;
            if (payload instanceof BalanceRefilledEvent e) {
                consistent = e.balanceAfter() == balance + e.amount() && e.creditsAfter() == credits && e.amount() > 0;
                balance = e.balanceAfter();
                credits = e.creditsAfter();
            } else if (payload instanceof BalanceDeductedEvent e) {
                consistent = e.balanceAfter() == balance - e.amount() && e.creditsAfter() == credits
                        && e.amount() > 0 && e.balanceAfter() >= 0;
                balance = e.balanceAfter();
                credits = e.creditsAfter();
            } else if (payload instanceof CustomerCreditsSetEvent e) {
                consistent = e.creditsBefore() == credits && e.balanceAfter() == balance && e.creditsAfter() >= 0;
                balance = e.balanceAfter();
                credits = e.creditsAfter();
            }
            return consistent ? null : "figures_inconsistent";
        }
    }

    /** A pool's total and allocation along the stream. */
    private static final class PoolFigures implements Figures {
        private long total;
        private long allocated;

        @Override
        public String check(Object payload) {
            boolean consistent = true;
            if (payload instanceof PlatformCreditPoolSetEvent e) {
                consistent = e.totalBefore() == total && e.allocated() == allocated
                        && e.availableAfter() == e.totalAfter() - e.allocated() && e.availableAfter() >= 0;
                total = e.totalAfter();
            } else if (payload instanceof PoolAllocationChangedEvent e) {
                consistent = e.allocatedAfter() == allocated + e.change() && e.allocatedAfter() >= 0
                        && e.allocatedAfter() <= total;
                allocated = e.allocatedAfter();
            }
            return consistent ? null : "figures_inconsistent";
        }
    }
}
