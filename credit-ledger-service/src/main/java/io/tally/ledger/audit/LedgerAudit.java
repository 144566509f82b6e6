package io.tally.ledger.audit;

import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.CustomerLedgerEvent;
import io.tally.contracts.ledger.LedgerEntryEvent;
import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import io.tally.ledger.command.LedgerEvents.PoolAllocationChangedEvent;
import io.tally.ledger.command.LedgerHash;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an auditor asks of the event store, never of a projection: a customer's or a pool's
 * figures as of an instant, replayed from the first event, and the verification of a chain.
 * Both read the aggregate's whole stream from sequence 0 (snapshots and caches are not
 * consulted), so they answer for what is stored, not for what the service believes.
 */
@Component
public class LedgerAudit {

    private final EventStore eventStore;
    private final Timer asOfTimer;
    private final Timer verificationTimer;

    public LedgerAudit(EventStore eventStore, MeterRegistry meters) {
        this.eventStore = eventStore;
        this.asOfTimer = Timer.builder("tally.ledger.audit.as_of").description("As-of replays from the event store")
                .register(meters);
        this.verificationTimer = Timer.builder("tally.ledger.audit.verification")
                .description("Hash-chain verifications from the event store").register(meters);
    }

    /** A customer's figures as of an instant: those after the last entry made at or before it. */
    public record CustomerAsOf(long balance, long credits, long entries, String lastEntryId, Instant lastEntryAt) {
    }

    /** A pool's figures as of an instant. */
    public record PoolAsOf(long total, long allocated) {
    }

    /** The first entry of a chain that fails a rule, and which rule. */
    public record Break(long sequence, String entryId, Instant occurredAt, String rule, String detail) {
    }

    /** A chain's verification: {@code firstBroken} null when every entry holds. */
    public record Verification(long entries, String lastHash, Break firstBroken) {

        public boolean ok() {
            return firstBroken == null;
        }
    }

    public CustomerAsOf customerAsOf(String customerId, Instant at) {
        return asOfTimer.record((Supplier<CustomerAsOf>) () -> {
            long balance = 0;
            long credits = 0;
            long entries = 0;
            LedgerEntryEvent last = null;
            DomainEventStream stream = eventStore.readEvents(customerId, 0);
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
            return new CustomerAsOf(balance, credits, entries, last == null ? null : last.entryId(),
                    last == null ? null : last.occurredAt());
        });
    }

    public PoolAsOf poolAsOf(String platformId, Instant at) {
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
            return new PoolAsOf(total, allocated);
        });
    }

    /**
     * Walks a customer's stream: sequence numbers without gaps, each entry readable, carrying
     * the previous entry's hash, hashing to its own, and with figures that follow from the
     * previous entry's. Reports the first entry that breaks a rule.
     */
    public Verification verifyCustomer(String customerId) {
        return verificationTimer.record(() -> verify(customerId, new CustomerFigures()));
    }

    /** The same for a platform's pool chain: its PlatformCreditPoolSet entries and the allocations between them. */
    public Verification verifyPool(String platformId) {
        return verificationTimer.record(() -> verify(platformId, new PoolFigures()));
    }

    /** The figures a chain's entries must agree with, followed along the stream. */
    private interface Figures {

        /** The rule the entry breaks, or null. */
        String check(Object payload);
    }

    private Verification verify(String aggregateId, Figures figures) {
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        long expectedSequence = 0;
        long entries = 0;
        String lastHash = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() != expectedSequence) {
                return new Verification(entries, lastHash, new Break(expectedSequence, null, null, "missing_entry",
                        "The stream jumps from sequence " + (expectedSequence - 1) + " to "
                                + message.getSequenceNumber() + ": stored events were removed."));
            }
            expectedSequence++;
            Object payload;
            try {
                payload = message.getPayload();
            } catch (RuntimeException unreadable) {
                return new Verification(entries, lastHash, new Break(message.getSequenceNumber(), null,
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
                return new Verification(entries, lastHash, new Break(message.getSequenceNumber(),
                        entry == null ? null : entry.entryId(),
                        entry == null ? message.getTimestamp() : entry.occurredAt(), broken, describe(broken)));
            }
            if (payload instanceof LedgerEntryEvent entry) {
                entries++;
                lastHash = entry.hash();
            }
        }
        return new Verification(entries, lastHash, null);
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
