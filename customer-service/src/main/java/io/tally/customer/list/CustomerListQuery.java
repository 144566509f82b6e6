package io.tally.customer.list;

import io.tally.contracts.customer.TeamType;
import io.tally.customer.customer.Tags;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.QueryParameters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One page of a platform's customer list: filters (all optional, combined with AND), the sort,
 * and the position after which the page starts. {@link #page} and {@link #export} read it from a
 * request's parameters and hold every rule about them; a refusal names the parameter and the rule.
 */
record CustomerListQuery(String platformId, String search, CustomerState state, TeamType teamType, String tag,
                         BigDecimal minBalance, BigDecimal maxBalance, Instant registeredFrom,
                         Instant registeredTo, CustomerSort sort, CustomerCursor after, int limit) {

    /** A page's size when the request does not say. */
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** The shortest search the trigram index can serve. */
    static final int MIN_SEARCH = 3;
    static final int MAX_SEARCH = 100;
    /** A balance filter has at most this many decimals... */
    static final int MAX_AMOUNT_SCALE = 4;
    /** ...and stays below this in absolute value. */
    static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(13);

    private static final Set<String> FILTER_PARAMETERS = Set.of("q", "state", "teamType", "tag",
            "minBalance", "maxBalance", "registeredFrom", "registeredTo", "sort");
    private static final Set<String> PAGED_PARAMETERS = Stream.concat(FILTER_PARAMETERS.stream(),
            Stream.of("cursor", "limit")).collect(Collectors.toUnmodifiableSet());

    enum CustomerState {
        ON,
        OFF
    }

    /** A page as the request's parameters ask for it: the filters, the sort, a cursor and a limit. */
    static CustomerListQuery page(String platformId, Map<String, String> parameters) {
        return from(platformId, parameters, true);
    }

    /** Every matching row, for the CSV export: the filters and the sort; a cursor or a limit is refused. */
    static CustomerListQuery export(String platformId, Map<String, String> parameters) {
        return from(platformId, parameters, false);
    }

    private static CustomerListQuery from(String platformId, Map<String, String> parameters, boolean paged) {
        QueryParameters p = new QueryParameters(parameters, paged ? PAGED_PARAMETERS : FILTER_PARAMETERS, "The list");
        CustomerSort sort = p.optional("sort", value -> CustomerSort.parse(value).orElseThrow(() ->
                new BadRequestException("sort", "sort_field",
                        "Sort by account, teamName, teamType, id, balance, credits, companyName, state, tags or "
                                + "registrationTime, optionally followed by ,asc or ,desc.")))
                .orElse(CustomerSort.DEFAULT);
        CustomerCursor cursor = null;
        if (paged) {
            cursor = p.optional("cursor", value -> CustomerCursor.decode(value)
                            .filter(c -> c.sort().equals(sort.asParameter()) && sort.field().accepts(c.key()))
                            .orElseThrow(() -> new BadRequestException("cursor", "cursor_invalid",
                                    "The cursor is not one this list returned for the same sort.")))
                    .orElse(null);
        }
        int limit = paged
                ? p.optional("limit", value -> QueryParameters.limit(value, MAX_LIMIT)).orElse(DEFAULT_LIMIT)
                : Integer.MAX_VALUE;
        String search = p.optional("q", CustomerListQuery::search).orElse(null);
        BigDecimal minBalance = p.optional("minBalance", value -> amount("minBalance", value)).orElse(null);
        BigDecimal maxBalance = p.optional("maxBalance", value -> amount("maxBalance", value)).orElse(null);
        Instant registeredFrom = p.optional("registeredFrom",
                value -> QueryParameters.instant("registeredFrom", value)).orElse(null);
        Instant registeredTo = p.optional("registeredTo",
                value -> QueryParameters.instant("registeredTo", value)).orElse(null);
        if (minBalance != null && maxBalance != null && minBalance.compareTo(maxBalance) > 0) {
            throw new BadRequestException("minBalance", "range", "minBalance must not exceed maxBalance.");
        }
        if (registeredFrom != null && registeredTo != null && registeredFrom.isAfter(registeredTo)) {
            throw new BadRequestException("registeredFrom", "range", "registeredFrom must not be after registeredTo.");
        }
        return new CustomerListQuery(platformId, search,
                p.optional("state", value -> QueryParameters.oneOf("state", CustomerState.class, value)).orElse(null),
                p.optional("teamType", value -> QueryParameters.oneOf("teamType", TeamType.class, value)).orElse(null),
                p.optional("tag", CustomerListQuery::tag).orElse(null),
                minBalance, maxBalance, registeredFrom, registeredTo, sort, cursor, limit);
    }

    /** The search text trimmed; blank searches nothing. */
    private static String search(String value) {
        String text = plain("q", value).strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() < MIN_SEARCH || text.length() > MAX_SEARCH) {
            throw new BadRequestException("q", "size", "Search for " + MIN_SEARCH + " to " + MAX_SEARCH
                    + " characters, so that the search can use its index.");
        }
        return text;
    }

    /** A tag as a customer can carry one (see {@link Tags}), trimmed. */
    private static String tag(String value) {
        String tag = plain("tag", value).strip();
        if (tag.isEmpty() || tag.codePointCount(0, tag.length()) > Tags.MAX_LENGTH) {
            throw new BadRequestException("tag", "size", "A tag has 1 to " + Tags.MAX_LENGTH + " characters.");
        }
        return tag;
    }

    /** Text that a query can compare: no control character (PostgreSQL cannot even hold a NUL in text). */
    private static String plain(String field, String value) {
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadRequestException(field, "control_character", field + " must not contain control characters.");
        }
        return value;
    }

    private static BigDecimal amount(String field, String value) {
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.scale() <= MAX_AMOUNT_SCALE && amount.abs().compareTo(AMOUNT_LIMIT) < 0) {
                return amount;
            }
        } catch (NumberFormatException ignored) {
            // refused below with the rule
        }
        throw new BadRequestException(field, "decimal", field + " is a decimal amount such as 20.00.");
    }

    /**
     * The one facet filter when it is the only filter ({@code all} when there is none): its total
     * is kept exactly by the projection, so no rows need counting.
     */
    Optional<Map.Entry<String, String>> singleFacet() {
        long filters = Stream.of(search, state, teamType, tag, minBalance, maxBalance, registeredFrom, registeredTo)
                .filter(Objects::nonNull).count();
        if (filters == 0) {
            return Optional.of(Map.entry(CustomerListProjection.FACET_ALL, ""));
        }
        if (filters > 1) {
            return Optional.empty();
        }
        if (state != null) {
            return Optional.of(Map.entry(CustomerListProjection.FACET_STATE, state.name()));
        }
        if (teamType != null) {
            return Optional.of(Map.entry(CustomerListProjection.FACET_TEAM_TYPE, teamType.name()));
        }
        return tag == null ? Optional.empty()
                : Optional.of(Map.entry(CustomerListProjection.FACET_TAG, tag.strip().toLowerCase(Locale.ROOT)));
    }
}
