#!/usr/bin/env bash
# The system benchmark, end to end on the real local stack: ledger writes (refills) per second and
# their p50/p99 at 8 and 32 clients through the api-gateway, side by side with the same writes
# straight at credit-ledger-service in the same run (the gateway's cost as a ratio); projection
# lag through Kafka (a refill accepted at the gateway until the customer's row shows the new
# balance) p50/p99 under a steady load of 150 refills/s, target p99 under 1 s; and the memory of
# the whole stack at rest and under that load. Not part of CI; takes about 8 minutes on 2 cores.
#
#   bench/system.sh [--no-build] [-Dbench.seconds=30 ...]
#
# It starts ./local-stack/run --no-build --fresh --port-offset 500 (gateway on 8580, customer-service
# 8581, credit-ledger-service 8582, auth-service 8583, Kafka 9592) and stops it at the end.
# CAUTION: --fresh drops and recreates the databases customers, ledger and auth on the local
# PostgreSQL (the databases of ./local-stack/run): whatever a local stack kept there is gone. The
# script refuses to run while another local stack is running.
#
# The gateway limits each token subject to 100 requests/s (burst 200) and sign-ins to 5/s per
# address: one admin writing at full speed would mostly be answered 429. The stack's processes
# inherit the launcher's environment, so the stack is started with TALLY_RATE_LIMIT_* at 1000000.
#
# Provider sign-in: TALLY_PROVIDER_USERNAME [provider@tally.local], TALLY_PROVIDER_PASSWORD [the
# one in .local-stack/provider-password, so that a later ./local-stack/run without --fresh still
# signs in, else a new one for this run]. PostgreSQL: as for ./local-stack/run (TALLY_DB_*).
#
# Steps: setup through the gateway (a platform, its admin and pool, 200 customers) and the memory
# at rest; the projection lag under the steady load, with the memory and CPU under it; then the
# writes at full speed (after them the JVMs' heaps are larger, so the steady load comes first).
#
# Settings (system properties, defaults in brackets): bench.customers [200], bench.restSeconds
# [10] without requests before the memory at rest, bench.lagRate [150] refills/s, bench.lagSeconds
# [30] measured after bench.lagWarmupSeconds [150] (the stack's first load: its JVMs are cold, so
# the rate rises from nothing over the first bench.lagRampSeconds [40], and on 2 cores the stack
# is short of CPU at 150/s until the JIT compilers are done), bench.lagThreads [16],
# bench.probeMillis [100] between probes, bench.pollMillis [5] between reads of a probed row (a late
# row is read every twentieth of its wait so far, if that is longer),
# bench.probeCustomers [10], bench.lagTargetMillis [1000]; bench.clients [8,32], bench.seconds
# [20] measured per target and client count, bench.warmupSeconds [5] uncounted before each,
# bench.jvmWarmupSeconds [30] uncounted before the first. JVM options of the benchmark's clients:
# BENCH_JAVA_OPTS [-Xms512m -Xmx1g]. The stack's log: system-tests/target/bench-stack.log.
#
# Maven and the benchmark run under `flock /tmp/tally-mvn.lock` (see bench/run-in-module.sh): no other
# build runs while it measures. Do not wrap this script in that lock yourself.
set -euo pipefail

case "${1:-}" in
    -h|--help) sed -n '2,42p' "$0"; exit 0 ;;
esac

port_offset=500
# shellcheck source=bench/local-stack-bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/local-stack-bench.sh"
run_benchmark io.tally.systemtests.bench.SystemBenchmark
