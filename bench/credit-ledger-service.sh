#!/usr/bin/env bash
# The credit-ledger-service benchmark: ledger writes (refills over many customers) per second and
# their latency at 1, 8 and 32 concurrent clients, against pgbench's TPC-B-like transaction on the
# same PostgreSQL at the same client counts; credit changes per second against one platform's pool
# at 8 clients, checking afterwards that the pool's allocated figure is the sum of the customers'
# credits; and the as-of replay and chain verification of one customer with 10,000 entries. The
# service is the real application, started in-process on the local PostgreSQL with an in-process
# Kafka broker. A write step during which the JIT compilers took over 8% of a core is measured
# again (3 tries at most; the report lists every try). After each write step it waits until the
# service's event processors (the Kafka publication above all) have handled everything, and reports
# how far behind they were and how long that took. Not part of CI; takes about 10 to 12 minutes
# on 2 cores.
#
#   bench/credit-ledger-service.sh [--no-build] [-Dbench.seconds=30 ...]
#
# Database: TALLY_DB_URL / TALLY_DB_USER / TALLY_DB_PASSWORD (a server on which the user may
# create databases), default jdbc:postgresql://127.0.0.1:5432/postgres as postgres. The benchmark
# creates the databases bench_ledger and bench_pgbench (dropping old ones first) and drops them.
#
# Settings (system properties, defaults in brackets): bench.seconds [15] measured per step,
# bench.warmupSeconds [5] uncounted before each, bench.jvmWarmupSeconds [30] at least and
# bench.jvmWarmupMaxSeconds [300] at most of uncounted refills before the first measured step (it
# ends once the JIT compilers took under 3% of a core for 10 s), bench.clients [1,8,32], bench.customers [2000],
# bench.platforms [4] (the customers' platforms), bench.creditClients [8], bench.entries [10000]
# (of the one long ledger), bench.entryClients [8] (making them), bench.entriesMaxSeconds [1800],
# bench.replayRuns [5] (timed reads each, after one uncounted), bench.pgbench [/usr/bin/pgbench],
# bench.pgbenchScale [the most clients, at least 32], bench.publicationBacklogSeconds [20] of refills
# with the publisher stopped. JVM options: BENCH_JAVA_OPTS [-Xms1g -Xmx2g].
#
# Maven and the benchmark run under `flock /tmp/tally-mvn.lock` (see bench/run-in-module.sh): no other
# build runs while it measures.
set -euo pipefail

case "${1:-}" in
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
esac
exec "$(dirname "${BASH_SOURCE[0]}")/run-in-module.sh" credit-ledger-service \
    io.tally.ledger.bench.CreditLedgerServiceBenchmark "$@"
