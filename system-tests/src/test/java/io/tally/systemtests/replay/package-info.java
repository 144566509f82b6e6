/**
 * The ledger replay kit: a consumer of {@code tally.ledger.events} written from docs/events.md alone, as a system
 * outside Tally would write it, with none of Tally's classes. {@link io.tally.systemtests.replay.LedgerTopic} reads
 * the topic from offset 0 with the CloudEvents SDK; {@link io.tally.systemtests.replay.LedgerReplay} folds the
 * records into every customer's and platform's figures and checks every hash chain;
 * {@link io.tally.systemtests.replay.LedgerEntryHash} is the canonical encoding the chains are computed from.
 */
package io.tally.systemtests.replay;
