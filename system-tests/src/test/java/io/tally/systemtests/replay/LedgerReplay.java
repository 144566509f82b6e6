package io.tally.systemtests.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fold of {@code tally.ledger.events}: every record applied once, in the topic's order, into each customer's
 * and each platform's figures, with every hash chain checked on the way. It knows nothing of Kafka, so that what it
 * concludes can be tested record by record. A broken entry is reported with the reason, never thrown: an auditor
 * wants the whole list, not the first.
 */
public final class LedgerReplay {

    /** The types it folds, each with its kind: the {@code type} value of the canonical encoding. */
    private static final Map<String, String> KINDS = Map.of(
            "io.tally.ledger.BalanceRefilled.v1", "BalanceRefilled",
            "io.tally.ledger.BalanceDeducted.v1", "BalanceDeducted",
            "io.tally.ledger.CustomerCreditsSet.v1", "CustomerCreditsSet",
            "io.tally.ledger.PlatformCreditPoolSet.v1", "PlatformCreditPoolSet");

    /** A customer's figures in minor units of {@code currency}, and the head of the customer's chain. */
    public record CustomerFigures(String customerId, String platformId, String currency, long balance, long credits,
                                  long entries, String lastEntryId, String lastHash) {
    }

    /**
     * A platform's pool in minor units of {@code currency}: {@code allocated} is the sum of its customers' credits,
     * {@code available} what is left of {@code total}; with the head of the pool's chain.
     */
    public record PlatformFigures(String platformId, String currency, long total, long allocated, long available,
                                  long entries, String lastEntryId, String lastHash) {
    }

    /** An entry that fails a check: its chain ({@code customer:<id>} or {@code platform:<id>}), its id and why. */
    public record BrokenEntry(String chain, String entryId, String why) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> appliedIds = new HashSet<>();
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private final List<BrokenEntry> broken = new ArrayList<>();
    private final Map<String, Integer> skippedTypes = new TreeMap<>();
    private long duplicates;

    /** Applies one record: a duplicate id is dropped, an unknown type skipped and counted. */
    public void apply(CloudEvent event) {
        if (!appliedIds.add(event.getId())) {
            duplicates++;
            return;
        }
        String kind = KINDS.get(event.getType());
        if (kind == null) {
            skippedTypes.merge(event.getType(), 1, Integer::sum);
            return;
        }
        JsonNode data;
        try {
            data = json.readTree(event.getData() == null ? new byte[0] : event.getData().toBytes());
        } catch (IOException e) {
            broken.add(new BrokenEntry("unknown", "ce_id " + event.getId(), "data is not JSON: " + e.getMessage()));
            return;
        }
        try {
            if (kind.equals("PlatformCreditPoolSet")) {
                applyPoolEntry(data);
            } else {
                applyCustomerEntry(kind, data);
            }
        } catch (IllegalArgumentException e) {
            String chain = kind.equals("PlatformCreditPoolSet") ? "platform:" + data.path("platformId").asText("?")
                    : "customer:" + data.path("customerId").asText("?");
            broken.add(new BrokenEntry(chain, data.path("entryId").asText("ce_id " + event.getId()),
                    "unreadable: " + e.getMessage()));
        }
    }

    private void applyCustomerEntry(String kind, JsonNode data) {
        String customerId = text(data, "customerId");
        String platformId = text(data, "platformId");
        String currency = text(data, "currency");
        Customer customer = customers.computeIfAbsent(customerId, id -> new Customer(id, platformId, currency));
        Chain chain = customer.chain;
        String entryId = text(data, "entryId");
        check(chain, entryId, customer.platformId.equals(platformId),
                "platformId " + platformId + " is not the customer's, " + customer.platformId);
        check(chain, entryId, customer.currency.equals(currency),
                "currency " + currency + " is not the customer's, " + customer.currency);
        long balanceAfter = number(data, "balanceAfter");
        long creditsAfter = number(data, "creditsAfter");
        switch (kind) {
            case "BalanceRefilled", "BalanceDeducted" -> {
                long amount = number(data, "amount");
                long expected = kind.equals("BalanceRefilled") ? customer.balance + amount : customer.balance - amount;
                check(chain, entryId, amount >= 1, "amount " + amount + " is not positive");
                check(chain, entryId, balanceAfter == expected,
                        "balanceAfter " + balanceAfter + ", but the entries before it make " + expected);
                check(chain, entryId, creditsAfter == customer.credits,
                        "creditsAfter " + creditsAfter + ", but the entries before it make " + customer.credits);
            }
            case "CustomerCreditsSet" -> {
                long creditsBefore = number(data, "creditsBefore");
                check(chain, entryId, creditsBefore == customer.credits,
                        "creditsBefore " + creditsBefore + ", but the entries before it make " + customer.credits);
                check(chain, entryId, balanceAfter == customer.balance,
                        "balanceAfter " + balanceAfter + ", but the entries before it make " + customer.balance);
            }
            default -> throw new IllegalStateException("Not a customer entry: " + kind);
        }
        chain.extend(kind, entryId, data);
        // From here on the entry's own figures count, so that one bad entry is reported once, not at every later one.
        customer.balance = balanceAfter;
        customer.credits = creditsAfter;
    }

    private void applyPoolEntry(JsonNode data) {
        String platformId = text(data, "platformId");
        String currency = text(data, "currency");
        Pool pool = pools.computeIfAbsent(platformId, id -> new Pool(id, currency));
        Chain chain = pool.chain;
        String entryId = text(data, "entryId");
        long totalBefore = number(data, "totalBefore");
        long totalAfter = number(data, "totalAfter");
        long allocated = number(data, "allocated");
        long availableAfter = number(data, "availableAfter");
        check(chain, entryId, pool.currency.equals(currency),
                "currency " + currency + " is not the platform's, " + pool.currency);
        check(chain, entryId, totalBefore == pool.total,
                "totalBefore " + totalBefore + ", but the entries before it make " + pool.total);
        check(chain, entryId, availableAfter == totalAfter - allocated,
                "availableAfter " + availableAfter + " is not totalAfter " + totalAfter + " - allocated " + allocated);
        chain.extend("PlatformCreditPoolSet", entryId, data);
        pool.total = totalAfter;
    }

    private void check(Chain chain, String entryId, boolean holds, String why) {
        if (!holds) {
            broken.add(new BrokenEntry(chain.name, entryId, why));
        }
    }

    /** Every customer met so far, by id. */
    public Map<String, CustomerFigures> customers() {
        Map<String, CustomerFigures> figures = new LinkedHashMap<>();
        for (Customer customer : customers.values()) {
            figures.put(customer.customerId, new CustomerFigures(customer.customerId, customer.platformId,
                    customer.currency, customer.balance, customer.credits, customer.chain.entries,
                    customer.chain.lastEntryId, customer.chain.lastHash));
        }
        return figures;
    }

    /** Every platform met so far, by a pool entry or by a customer's entry, by id. */
    public Map<String, PlatformFigures> platforms() {
        Map<String, Pool> all = new LinkedHashMap<>(pools);
        Map<String, Long> allocated = new LinkedHashMap<>();
        for (Customer customer : customers.values()) {
            all.computeIfAbsent(customer.platformId, id -> new Pool(id, customer.currency));
            allocated.merge(customer.platformId, customer.credits, Long::sum);
        }
        Map<String, PlatformFigures> figures = new LinkedHashMap<>();
        for (Pool pool : all.values()) {
            long granted = allocated.getOrDefault(pool.platformId, 0L);
            figures.put(pool.platformId, new PlatformFigures(pool.platformId, pool.currency, pool.total, granted,
                    pool.total - granted, pool.chain.entries, pool.chain.lastEntryId, pool.chain.lastHash));
        }
        return figures;
    }

    /** The entries that failed a check, in the order they were read. */
    public List<BrokenEntry> broken() {
        return List.copyOf(broken);
    }

    /** Records dropped because their {@code ce_id} had been applied already. */
    public long duplicatesDropped() {
        return duplicates;
    }

    /** Records of types this replay does not know, by type. */
    public Map<String, Integer> skippedTypes() {
        return Map.copyOf(skippedTypes);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        return value.textValue();
    }

    private static long number(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is missing or not an integer");
        }
        return value.longValue();
    }

    /** One hash chain: its head and how many entries it has. */
    private final class Chain {

        private final String name;
        private long entries;
        private String lastEntryId;
        private String lastHash;

        private Chain(String name) {
            this.name = name;
        }

        /** Checks the entry's link and its hash, then makes it the head. */
        private void extend(String kind, String entryId, JsonNode data) {
            String previousHash = data.path("previousHash").isTextual() ? data.get("previousHash").textValue() : null;
            String hash = text(data, "hash");
            String recomputed = LedgerEntryHash.of(kind, data);
            if (!Objects.equals(previousHash, lastHash)) {
                broken.add(new BrokenEntry(name, entryId, lastHash == null
                        ? "previousHash " + previousHash + ", but no entry of its chain came before it"
                        : "previousHash " + previousHash + " is not the hash of the entry before it, " + lastHash));
            }
            if (!recomputed.equals(hash)) {
                broken.add(new BrokenEntry(name, entryId, "hash " + hash + " does not recompute: the entry gives "
                        + recomputed));
            }
            entries++;
            lastEntryId = entryId;
            lastHash = hash;
        }
    }

    private final class Customer {

        private final String customerId;
        private final String platformId;
        private final String currency;
        private final Chain chain;
        private long balance;
        private long credits;

        private Customer(String customerId, String platformId, String currency) {
            this.customerId = customerId;
            this.platformId = platformId;
            this.currency = currency;
            this.chain = new Chain("customer:" + customerId);
        }
    }

    private final class Pool {

        private final String platformId;
        private final String currency;
        private final Chain chain;
        private long total;

        private Pool(String platformId, String currency) {
            this.platformId = platformId;
            this.currency = currency;
            this.chain = new Chain("platform:" + platformId);
        }
    }
}
