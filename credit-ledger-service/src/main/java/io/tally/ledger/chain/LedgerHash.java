package io.tally.ledger.chain;

import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.LedgerEntryEvent;
import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the ledger. An entry's hash is the lower-case hex SHA-256 of the UTF-8 bytes
 * of its canonical encoding: the line {@code tally-ledger-entry-v1}, then one line per field in
 * a fixed order, each written {@code name:length:value} (length in UTF-8 bytes of the value, so
 * no value can be mistaken for a field boundary; an absent value is empty), with
 * {@code previousHash} last (empty at the start of a chain). docs/events.md documents it for
 * auditors' tools. Changing any field of any entry, or the order of entries, changes every
 * later hash.
 */
public final class LedgerHash {

    private static final String VERSION = "tally-ledger-entry-v1";

    private LedgerHash() {
    }

    /** The hash the entry must carry, computed from its other fields (its own hash is not read). */
    public static String of(LedgerEntryEvent entry) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"type", typeOf(entry)});
        fields.add(new String[] {"entryId", entry.entryId()});
        if (entry instanceof BalanceRefilledEvent e) {
            balance(fields, e.customerId(), e.platformId(), e.amount(), e.balanceAfter(), e.creditsAfter(), e.note());
        } else if (entry instanceof BalanceDeductedEvent e) {
            balance(fields, e.customerId(), e.platformId(), e.amount(), e.balanceAfter(), e.creditsAfter(), e.note());
        } else if (entry instanceof CustomerCreditsSetEvent e) {
            fields.add(new String[] {"customerId", e.customerId()});
            fields.add(new String[] {"platformId", e.platformId()});
            fields.add(new String[] {"creditsBefore", Long.toString(e.creditsBefore())});
            fields.add(new String[] {"creditsAfter", Long.toString(e.creditsAfter())});
            fields.add(new String[] {"balanceAfter", Long.toString(e.balanceAfter())});
            fields.add(new String[] {"poolAvailableAfter", Long.toString(e.poolAvailableAfter())});
        } else if (entry instanceof PlatformCreditPoolSetEvent e) {
            fields.add(new String[] {"platformId", e.platformId()});
            fields.add(new String[] {"totalBefore", Long.toString(e.totalBefore())});
            fields.add(new String[] {"totalAfter", Long.toString(e.totalAfter())});
            fields.add(new String[] {"allocated", Long.toString(e.allocated())});
            fields.add(new String[] {"availableAfter", Long.toString(e.availableAfter())});
        } else {
            throw new IllegalArgumentException("Not a ledger entry: " + entry.getClass());
        }
        fields.add(new String[] {"currency", entry.currency()});
        fields.add(new String[] {"idempotencyKey", entry.idempotencyKey()});
        fields.add(new String[] {"actor", entry.actor()});
        fields.add(new String[] {"occurredAt", entry.occurredAt().toString()});
        fields.add(new String[] {"previousHash", entry.previousHash() == null ? "" : entry.previousHash()});
        StringBuilder canonical = new StringBuilder(VERSION).append('\n');
        for (String[] field : fields) {
            String value = field[1] == null ? "" : field[1];
            canonical.append(field[0]).append(':').append(value.getBytes(StandardCharsets.UTF_8).length).append(':')
                    .append(value).append('\n');
        }
        return sha256(canonical.toString());
    }

    /** The entry's kind by a name of its own, so that renaming a class can never change a hash. */
    private static String typeOf(LedgerEntryEvent entry) {
        if (entry instanceof BalanceRefilledEvent) {
            return "BalanceRefilled";
        } else if (entry instanceof BalanceDeductedEvent) {
            return "BalanceDeducted";
        } else if (entry instanceof CustomerCreditsSetEvent) {
            return "CustomerCreditsSet";
        } else if (entry instanceof PlatformCreditPoolSetEvent) {
            return "PlatformCreditPoolSet";
        }
        throw new IllegalArgumentException("Not a ledger entry: " + entry.getClass());
    }

    /** The draft (its hash null) with its hash. */
    public static BalanceRefilledEvent seal(BalanceRefilledEvent d) {
        return new BalanceRefilledEvent(d.entryId(), d.customerId(), d.platformId(), d.currency(), d.amount(),
                d.balanceAfter(), d.creditsAfter(), d.note(), d.idempotencyKey(), d.actor(), d.occurredAt(),
                d.previousHash(), of(d));
    }

    public static BalanceDeductedEvent seal(BalanceDeductedEvent d) {
        return new BalanceDeductedEvent(d.entryId(), d.customerId(), d.platformId(), d.currency(), d.amount(),
                d.balanceAfter(), d.creditsAfter(), d.note(), d.idempotencyKey(), d.actor(), d.occurredAt(),
                d.previousHash(), of(d));
    }

    public static CustomerCreditsSetEvent seal(CustomerCreditsSetEvent d) {
        return new CustomerCreditsSetEvent(d.entryId(), d.customerId(), d.platformId(), d.currency(),
                d.creditsBefore(), d.creditsAfter(), d.balanceAfter(), d.poolAvailableAfter(), d.idempotencyKey(),
                d.actor(), d.occurredAt(), d.previousHash(), of(d));
    }

    public static PlatformCreditPoolSetEvent seal(PlatformCreditPoolSetEvent d) {
        return new PlatformCreditPoolSetEvent(d.entryId(), d.platformId(), d.currency(), d.totalBefore(),
                d.totalAfter(), d.allocated(), d.availableAfter(), d.idempotencyKey(), d.actor(), d.occurredAt(),
                d.previousHash(), of(d));
    }

    private static void balance(List<String[]> fields, String customerId, String platformId, long amount,
                                long balanceAfter, long creditsAfter, String note) {
        fields.add(new String[] {"customerId", customerId});
        fields.add(new String[] {"platformId", platformId});
        fields.add(new String[] {"amount", Long.toString(amount)});
        fields.add(new String[] {"balanceAfter", Long.toString(balanceAfter)});
        fields.add(new String[] {"creditsAfter", Long.toString(creditsAfter)});
        fields.add(new String[] {"note", note});
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
