#!/usr/bin/env bash
# The console benchmark, in the machine's headless Chromium against the real local stack: the
# initial JavaScript and CSS (raw and gzipped; target <= 300 KB gzipped), then on a platform whose
# customer list holds a million customers: time to first rows when Customer Management is opened
# afresh (target under 1 s), and a sort change, a filter change and the next page, each from the
# click until the new rows are drawn (target p95 under 300 ms). Not part of CI; takes about
# 8 minutes on 2 cores, 4 of them loading the million rows.
#
#   bench/console.sh [--no-build] [-Dbench.rows=100000 ...]
#
# It starts ./local-stack/run --no-build --fresh --port-offset 600 (gateway on 8680), creates a
# platform and its admin through the gateway, and loads the million customers straight into
# customer-service's read model (as bench/customer-service.sh does). CAUTION: --fresh drops and
# recreates the databases customers, ledger and auth on the local PostgreSQL (the databases of
# ./local-stack/run). Chromium: Debian's chromium on the PATH, or TALLY_CHROMIUM. PostgreSQL and
# the provider's sign-in: as for bench/system.sh.
#
# Settings (system properties, defaults in brackets): bench.rows [1000000], bench.loads [20]
# fresh openings of the page, bench.changes [40] of each interaction, bench.warmup [5] uncounted
# before each, bench.firstRowsTargetMillis [1000], bench.changeTargetMillis [300],
# bench.bundleTargetKb [300]. JVM options of the benchmark: BENCH_JAVA_OPTS [-Xms512m -Xmx1g].
# The stack's log: system-tests/target/bench-stack.log.
#
# Maven and the benchmark run under `flock /tmp/tally-mvn.lock` (see bench/run-in-module.sh): no other
# build runs while it measures. Do not wrap this script in that lock yourself.
set -euo pipefail

case "${1:-}" in
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
esac

port_offset=600
# shellcheck source=bench/local-stack-bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/local-stack-bench.sh"
run_benchmark io.tally.systemtests.bench.ConsoleBenchmark
