package io.tally.ledger.credits;

import io.tally.ledger.money.Request;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider sets the platform's pool total, in minor units of the platform's currency. */
record SetPoolTotalCommand(@TargetAggregateIdentifier String platformId, long total, Request request) {
}
