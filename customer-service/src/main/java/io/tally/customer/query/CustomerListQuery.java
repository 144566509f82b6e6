package io.tally.customer.query;

import io.tally.contracts.customer.TeamType;

import java.math.BigDecimal;
import java.time.Instant;

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

    public boolean filtered() {
        return search != null || state != null || teamType != null || tag != null || minBalance != null
                || maxBalance != null || registeredFrom != null || registeredTo != null;
    }
}
