#!/usr/bin/env bash
# The fault drill, long: two instances of every service behind two gateways, a Kafka broker and a PostgreSQL
# cluster of the drill's own, steady writes (refills, credit grants, tag changes, sign-ins) through both gateways
# while, one after another, each kind of instance is killed (SIGKILL: credit-ledger-service, customer-service,
# auth-service, a gateway), the broker is restarted, PostgreSQL is restarted and then stopped at once. It prints
# how long each fault took to heal (until the last refused or lost answer, and until the customer list was again
# within a second of the writes) and checks that nothing accepted was lost or applied twice: each refill once in
# the ledger, every entry on the topic (duplicates dropped by id), the list equal to the topic's replay, every hash
# chain and the pool law, every processor caught up with every segment claimed. FaultsSystemTest runs the same
# drill briefly in CI. Takes about 12 minutes on 2 cores; exits 1 when a check failed.
#
#   bench/faults.sh [--no-build] [-Dfaults.writers=6 ...]
#
# Needs Debian's postgresql-common (pg_createcluster) and root, as CI's machine has: the drill's PostgreSQL is a
# cluster of its own on a free port, data under /tmp, dropped at the end; the machine's cluster is not touched.
# Settings (system properties, defaults in brackets): faults.writers [6] refill clients, faults.pauseMillis [50]
# between one client's writes, faults.steadySeconds [20] of writes before the first fault and after each,
# faults.observeSeconds [30] the least each fault is watched, faults.postgresDownSeconds [5] between PostgreSQL's
# immediate stop and its start. The processes' logs: system-tests/target/system-tests/; the report:
# system-tests/target/faults-report.txt.
#
# Maven and then the drill run under `flock /tmp/tally-mvn.lock` (see bench/run-in-module.sh): no other build runs
# meanwhile, nor repackages a jar the drill runs. Do not wrap this script in that lock yourself.
set -euo pipefail

case "${1:-}" in
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

build=1
arguments=()
for argument in "$@"; do
    case "$argument" in
        --no-build) build=0 ;;
        -D*|-X*) arguments+=("$argument") ;;
        *) echo "unknown argument: $argument (try --help)" >&2; exit 2 ;;
    esac
done

if [[ $build == 1 || ! -f system-tests/target/bench.classpath ]]; then
    echo "building the services and the system tests, computing their test classpath ..."
    # One reactor run, so that the shared modules come from this build, not ~/.m2.
    flock /tmp/tally-mvn.lock ./mvnw -B -q -DskipTests package dependency:build-classpath \
        -pl customer-service,credit-ledger-service,auth-service,console,api-gateway,system-tests -am \
        -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi

exec bench/run-in-module.sh system-tests io.tally.systemtests.bench.FaultsBenchmark --no-build \
    -Dtally.repository-root="$root" -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider "${arguments[@]}"
