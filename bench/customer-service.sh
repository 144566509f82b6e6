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
# Maven and the benchmark run under `flock /tmp/tally-mvn.lock` (see bench/run-in-module.sh): no other
# build runs while it measures.
set -euo pipefail

case "${1:-}" in
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
esac
exec "$(dirname "${BASH_SOURCE[0]}")/run-in-module.sh" customer-service io.tally.customer.bench.CustomerServiceBenchmark "$@"
