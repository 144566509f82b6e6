#!/usr/bin/env bash
# PostgreSQL's pgbench and Tally's writes back to back in one run on this machine, at 1 and 8
# clients: pgbench's tps (built-in TPC-B-like script, -M prepared, scale 32, on a database of its
# own, bench_pgbench, dropped at the end); refills per second of one platform's 200 customers
# through the gateway and straight at credit-ledger-service's own port, each over its writing
# time and over its writing time plus the catch-up (a refill row ends only once every event-store
# processor has handled the last event and the customer list, read through the gateway, shows
# every balance written); the ratios gateway/pgbench, direct/pgbench and gateway/direct; and the
# CPU per write of the whole stack (utime + stime from /proc of the gateway, the three services,
# the Kafka broker and every PostgreSQL process, over the row and its catch-up), and per pgbench
# transaction (PostgreSQL and pgbench). Prints a Markdown table at the end and writes it, with the
# date, the commit and the machine, to system-tests/target/compare-<timestamp>.md. Not part of the
# build or CI; takes about 7 minutes on 2 cores.
#
#   bench/compare.sh [--no-build] [-Dbench.pgbenchSeconds=30 ...]
#
# It starts ./local-stack/run --no-build --fresh --port-offset 700 (gateway on 8780, customer-service
# 8781, credit-ledger-service 8782, auth-service 8783, their management ports 9780-9783, Kafka
# 9792) and stops it at the end. CAUTION: --fresh drops and recreates the databases customers,
# ledger and auth on the local PostgreSQL (the databases of ./local-stack/run): whatever a local
# stack kept there is gone. The script refuses to run while another local stack is running.
# Provider sign-in, PostgreSQL (TALLY_DB_*, default 127.0.0.1:5432 as postgres) and the lifted
# rate limits: as for bench/system.sh.
#
# Steps: setup through the gateway (a platform, its admin and pool, 200 customers); pgbench -i;
# a JVM warm-up of refills through the gateway at the most clients; then at each client count a
# pgbench row, a gateway row and a direct row (the last two in turns), each after its own warm-up
# (a refill warm-up's own catch-up is waited out), a CHECKPOINT and a quiet CPU.
#
# Settings (system properties, defaults in brackets): bench.clients [1,8], bench.pgbenchSeconds
# [15] every row's length, pgbench's and the refills', bench.warmupSeconds [5] uncounted before
# each row, bench.jvmWarmupSeconds [60] before the first, bench.customers [200],
# bench.pgbenchScale [32], bench.pgbench [pgbench], bench.catchUpPollMillis [50] between reads of
# the processors' positions and of the list, bench.catchUpTimeoutSeconds [120]. JVM options of the
# benchmark's clients: BENCH_JAVA_OPTS [-Xms512m -Xmx1g]. The stack's log:
# system-tests/target/bench-stack.log.
#
# From before the build until the stack has stopped it holds the machine's build lock (flock
# /tmp/tally-mvn.lock, see bench/local-stack-bench.sh): no other build runs meanwhile, nor replaces
# a jar the stack runs from. Do not wrap this script in that lock yourself.
set -euo pipefail

case "${1:-}" in
    -h|--help) sed -n '2,40p' "$0"; exit 0 ;;
esac

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for arg in "$@"; do
    if [[ $arg == --no-build && ! -f $bench/../system-tests/target/test-classes/io/tally/systemtests/bench/CompareBenchmark.class ]]; then
        echo "system-tests' test classes are not built: run without --no-build" \
            "(or flock /tmp/tally-mvn.lock ./mvnw test-compile -pl system-tests)" >&2
        exit 1
    fi
done

port_offset=700
pgbench_database=bench_pgbench
# shellcheck source=bench/local-stack-bench.sh
source "$bench/local-stack-bench.sh"

# The benchmark drops bench_pgbench itself; this is for a benchmark that did not get to.
drop_pgbench_database() {
    local url="${TALLY_DB_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}" host=127.0.0.1 port=5432
    if [[ $url =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/ ]]; then
        host="${BASH_REMATCH[1]}"
        port="${BASH_REMATCH[3]:-5432}"
    fi
    PGPASSWORD="${TALLY_DB_PASSWORD:-}" dropdb --if-exists --force -h "$host" -p "$port" \
        -U "${TALLY_DB_USER:-postgres}" "$pgbench_database" 2> /dev/null || true
}
trap 'drop_pgbench_database; stop_stack' EXIT

commit="$(git rev-parse --short HEAD 2> /dev/null || echo unknown)"
if ! git --no-optional-locks diff --quiet HEAD -- 2> /dev/null; then
    commit="$commit (with uncommitted changes)"
fi

# Settings given on the command line come later and win.
java_args=("-Dbench.authManagementUrl=http://127.0.0.1:$((9083 + port_offset))" "-Dbench.commit=$commit"
    ${java_args[@]+"${java_args[@]}"})
run_benchmark io.tally.systemtests.bench.CompareBenchmark
