#!/usr/bin/env bash
# The customer-service benchmark: customer list latency at 1,000,000 customers, projection lag,
# and create-customer throughput, against the real application started in-process on the local
# PostgreSQL and an in-process Kafka broker. Not part of CI; takes about 10 minutes
# on 2 cores, 4 of them loading the million rows.
#
#   bench/customer-service.sh [--no-build] [-Dbench.rows=100000 ...]
#
# Database: TALLY_DB_URL / TALLY_DB_USER / TALLY_DB_PASSWORD (a server on which the user may
# create databases), default jdbc:postgresql://127.0.0.1:5432/postgres as postgres. The benchmark
# creates the database bench_customers (dropping an old one first) and drops it at the end.
#
# Settings (system properties, defaults in brackets): bench.rows [1000000], bench.jvmWarmup [600],
# bench.warmup [50], bench.requests [200], bench.deepPages [200], bench.lagCreates [300],
# bench.lagWarmup [30], bench.throughputSeconds [20], bench.throughputWarmupSeconds [30],
# bench.targetMillis [50], bench.explainAll [false] (plans of every shape, not only those over
# target). JVM options: BENCH_JAVA_OPTS [-Xms1g -Xmx2g].
#
# Maven runs under `flock /tmp/mvn.lock` (one build at a time on a small machine); the lock is
# released before the benchmark starts. For steady numbers, run it while no other build runs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

build=1
java_args=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        -D*|-X*) java_args+=("$arg") ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

classpath_file="customer-service/target/bench.classpath"
if [[ $build == 1 || ! -f $classpath_file ]]; then
    echo "building customer-service and its test classes, computing the test classpath ..."
    # One reactor run, so that event-contracts and test-support come from this build, not ~/.m2.
    flock /tmp/mvn.lock ./mvnw -B -q -o -pl customer-service -am test-compile dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi

classpath="customer-service/target/test-classes:customer-service/target/classes:$(cat "$classpath_file")"
if command -v pgrep >/dev/null && pgrep -f 'maven|surefire' >/dev/null; then
    echo "note: other Maven/Surefire processes are running; they compete for the CPUs:"
    pgrep -af 'maven|surefire' | cut -c1-160 || true
fi

export AXONIQ_UPDATE_CHECKER_DISABLED=true
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms1g -Xmx2g} \
    -Daxoniq.update-checker.disabled=true -Ddisable-axoniq-console-message=true \
    "${java_args[@]}" \
    -cp "$classpath" io.tally.customer.bench.CustomerServiceBenchmark
