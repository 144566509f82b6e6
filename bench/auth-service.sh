#!/usr/bin/env bash
# The auth-service benchmark: login and token refresh throughput and latency at 1, 8 and 32
# concurrent clients, and the time of one password hash comparison at the default Argon2id cost
# and at the costs it was chosen against. The service is the real application, started in-process
# on the local PostgreSQL with an in-process Kafka broker. Not part of CI; takes about 4 minutes
# on 2 cores.
#
#   bench/auth-service.sh [--no-build] [-Dbench.seconds=30 ...]
#
# Database: TALLY_DB_URL / TALLY_DB_USER / TALLY_DB_PASSWORD (a server on which the user may
# create databases), default jdbc:postgresql://127.0.0.1:5432/postgres as postgres. The benchmark
# creates the database bench_auth (dropping an old one first) and drops it at the end.
#
# Settings (system properties, defaults in brackets): bench.seconds [15] measured per step,
# bench.warmupSeconds [5] uncounted before each, bench.clients [1,8,32], bench.admins [32]
# (the accounts the clients sign in as), bench.hashRuns [30], bench.hashWarmup [5].
# JVM options: BENCH_JAVA_OPTS [-Xms1g -Xmx2g].
#
# Maven and the benchmark run under `flock /tmp/tally-mvn.lock` (see bench/run-in-module.sh): no other
# build runs while it measures.
set -euo pipefail

case "${1:-}" in
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
esac
exec "$(dirname "${BASH_SOURCE[0]}")/run-in-module.sh" auth-service io.tally.auth.bench.AuthServiceBenchmark "$@"
