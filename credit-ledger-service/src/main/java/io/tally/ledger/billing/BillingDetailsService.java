package io.tally.ledger.billing;

import io.tally.ledger.billing.BillingEntries.BillingEntry;
import io.tally.ledger.billing.BillingEntries.Filter;
import io.tally.ledger.billing.BillingEntries.Page;
import io.tally.ledger.directory.LedgerDirectory;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import io.tally.service.web.QueryParameters;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who may read which billing details, and how they are asked for: a platform admin reads a customer of the
 * platform, a signed-in customer reads their own (anyone else's is not found); the entries are selected by
 * time range ({@code from} inclusive, {@code to} exclusive, {@code to} after {@code from}) and type, paged by
 * a cursor this list returned and a page size from 1 to 200, and no other parameter is accepted. A customer
 * does not see who made an entry nor its correlation id: those are the platform's business.
 */
@Component
class BillingDetailsService {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> FILTERS = Set.of("from", "to", "type");
    private static final Set<String> PAGED = Set.of("from", "to", "type", "cursor", "limit");
    private static final String CURSOR_PREFIX = "before:";

    private final BillingEntries entries;
    private final LedgerDirectory directory;

    BillingDetailsService(BillingEntries entries, LedgerDirectory directory) {
        this.entries = entries;
        this.directory = directory;
    }

    /** A page of entries as its reader may see them, newest first, and the cursor of the next page (null: none). */
    record Listing(List<BillingEntry> items, String nextCursor) {
    }

    /** The entries of one export, once whose and which are known to be allowed. */
    record Export(String customerId, Filter filter, boolean forAdmin) {
    }

    Listing customerPage(Caller caller, String customerId, Map<String, String> parameters) {
        return page(directory.requireCustomerOf(caller.platformId(), customerId), parameters, true);
    }

    Listing ownPage(Caller caller, Map<String, String> parameters) {
        return page(directory.requireCustomerOf(caller.platformId(), caller.subject()), parameters, false);
    }

    Export customerExport(Caller caller, String customerId, Map<String, String> parameters) {
        return export(directory.requireCustomerOf(caller.platformId(), customerId), parameters, true);
    }

    Export ownExport(Caller caller, Map<String, String> parameters) {
        return export(directory.requireCustomerOf(caller.platformId(), caller.subject()), parameters, false);
    }

    /** Every entry of the export, newest first, as its reader may see it, without holding them all in memory. */
    void each(Export export, Consumer<BillingEntry> consumer) {
        entries.each(export.filter(), entry -> consumer.accept(visible(entry, export.forAdmin())));
    }

    private Listing page(String customerId, Map<String, String> values, boolean forAdmin) {
        QueryParameters parameters = new QueryParameters(values, PAGED, "The billing details");
        Long before = parameters.optional("cursor", BillingDetailsService::decodeCursor).orElse(null);
        int limit = parameters.optional("limit", value -> QueryParameters.limit(value, MAX_LIMIT))
                .orElse(DEFAULT_LIMIT);
        Page page = entries.page(filter(customerId, parameters, before), limit);
        return new Listing(page.items().stream().map(entry -> visible(entry, forAdmin)).toList(),
                page.nextBeforeSequence() == null ? null : encodeCursor(page.nextBeforeSequence()));
    }

    private static Export export(String customerId, Map<String, String> values, boolean forAdmin) {
        return new Export(customerId,
                filter(customerId, new QueryParameters(values, FILTERS, "The billing details export"), null),
                forAdmin);
    }

    private static BillingEntry visible(BillingEntry entry, boolean forAdmin) {
        return forAdmin ? entry : new BillingEntry(entry.entryId(), entry.sequence(), entry.occurredAt(),
                entry.type(), entry.amount(), entry.currency(), entry.balanceAfter(), entry.creditsAfter(), null,
                entry.note(), null);
    }

    private static Filter filter(String customerId, QueryParameters parameters, Long before) {
        Instant from = parameters.optional("from", value -> QueryParameters.instant("from", value)).orElse(null);
        Instant to = parameters.optional("to", value -> QueryParameters.instant("to", value)).orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestException("to", "after_from", "to must be later than from.");
        }
        Set<BillingEntryType> types = parameters.optional("type", BillingDetailsService::types)
                .orElse(Set.of());
        return new Filter(customerId, from, to, types, before);
    }

    /** One type or several, comma-separated. */
    private static Set<BillingEntryType> types(String value) {
        Set<BillingEntryType> types = EnumSet.noneOf(BillingEntryType.class);
        Arrays.stream(value.split(",")).forEach(type -> types.add(
                QueryParameters.oneOf("type", BillingEntryType.class, type)));
        return types;
    }

    static String encodeCursor(long beforeSequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + beforeSequence).getBytes(StandardCharsets.UTF_8));
    }

    static Long decodeCursor(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(CURSOR_PREFIX)) {
                long sequence = Long.parseLong(raw.substring(CURSOR_PREFIX.length()));
                if (sequence > 0) {
                    return sequence;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // refused below with the rule
        }
        throw new BadRequestException("cursor", "cursor_invalid", "The cursor is not one this list returned.");
    }
}
