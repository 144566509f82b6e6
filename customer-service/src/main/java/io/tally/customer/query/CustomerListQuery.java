package io.tally.customer.query;

import io.tally.contracts.customer.TeamType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One page of a platform's customer list: filters (all optional, combined with AND), the sort,
 * and the position after which the page starts.
 */
public record CustomerListQuery(String platformId, String search, CustomerState state, TeamType teamType, String tag,
                                BigDecimal minBalance, BigDecimal maxBalance, Instant registeredFrom,
                                Instant registeredTo, CustomerSort sort, CustomerCursor after, int limit) {

    public enum CustomerState {
        ON,
        OFF
    }

    /**
     * The one facet filter when it is the only filter ({@code all} when there is none): its total
     * is kept exactly by the projection, so no rows need counting.
     */
    public Optional<Map.Entry<String, String>> singleFacet() {
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
