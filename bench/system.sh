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
# bench.probeMillis [100] between probes, bench.pollMillis [5] between reads of a probed row,
# bench.probeCustomers [10], bench.lagTargetMillis [1000]; bench.clients [8,32], bench.seconds
# [20] measured per target and client count, bench.warmupSeconds [5] uncounted before each,
# bench.jvmWarmupSeconds [30] uncounted before the first. JVM options of the benchmark's clients:
# BENCH_JAVA_OPTS [-Xms512m -Xmx1g]. The stack's log: system-tests/target/bench-stack.log.
#
# Maven and the benchmark run under `flock /tmp/mvn.lock` (see bench/run-in-module.sh): no other
# build runs while it measures. Do not wrap this script in that lock yourself.
set -euo pipefail

case "${1:-}" in
    -h|--help) sed -n '2,41p' "$0"; exit 0 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

build=1
java_args=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        -D*|-X*) java_args+=("$arg") ;;
        *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

port_offset=500
gateway_url="http://127.0.0.1:$((8080 + port_offset))"
customer_url="http://127.0.0.1:$((8081 + port_offset))"
ledger_url="http://127.0.0.1:$((8082 + port_offset))"
stack_log="system-tests/target/bench-stack.log"
classpath_file="system-tests/target/bench.classpath"

# Another stack works on the same databases, which --fresh would drop under it.
if pgrep -f 'io\.tally\.localstack\.LocalStack' > /dev/null; then
    echo "another local stack is running (pids $(pgrep -d ' ' -f 'io\.tally\.localstack\.LocalStack')):" \
        "it uses the databases this benchmark drops; stop it first" >&2
    exit 1
fi

if [[ $build == 1 || ! -f $classpath_file ]]; then
    echo "building the stack's modules and the system tests, computing their test classpath ..."
    # One reactor run, so that the shared modules come from this build, not ~/.m2.
    flock /tmp/mvn.lock ./mvnw -B -q -DskipTests package dependency:build-classpath \
        -pl local-stack,customer-service,credit-ledger-service,auth-service,api-gateway,system-tests -am \
        -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi

export TALLY_PROVIDER_USERNAME="${TALLY_PROVIDER_USERNAME:-provider@tally.local}"
if [[ -z ${TALLY_PROVIDER_PASSWORD:-} ]]; then
    if [[ -s .local-stack/provider-password ]]; then
        TALLY_PROVIDER_PASSWORD="$(tr -d '[:space:]' < .local-stack/provider-password)"
    else
        TALLY_PROVIDER_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -d '+/=')"
    fi
fi
export TALLY_PROVIDER_PASSWORD

launcher=""
descendants() {
    local pid
    for pid in $(pgrep -P "$1" || true); do
        echo "$pid"
        descendants "$pid"
    done
}
stop_stack() {
    [[ -n $launcher ]] || return 0
    local left=()
    mapfile -t left < <(descendants "$launcher")
    if kill -0 "$launcher" 2> /dev/null; then
        echo "stopping the local stack (launcher pid $launcher) ..."
        kill -TERM "$launcher" 2> /dev/null || true
        # The launcher gives its children 20 s each round (services, then the broker).
        for _ in $(seq 1 90); do
            kill -0 "$launcher" 2> /dev/null || break
            sleep 1
        done
        if kill -0 "$launcher" 2> /dev/null; then
            echo "the launcher did not stop within 90 s: killing it" >&2
            kill -KILL "$launcher" 2> /dev/null || true
        fi
        wait "$launcher" 2> /dev/null || true
    fi
    local pid survivors=()
    for pid in "${left[@]}"; do
        kill -0 "$pid" 2> /dev/null && survivors+=("$pid")
    done
    if (( ${#survivors[@]} > 0 )); then
        echo "left running after the launcher: ${survivors[*]}: stopping them" >&2
        kill -TERM "${survivors[@]}" 2> /dev/null || true
        sleep 5
        kill -KILL "${survivors[@]}" 2> /dev/null || true
    else
        echo "the local stack stopped; none of its ${#left[@]} processes is left"
    fi
    launcher=""
}
trap stop_stack EXIT
trap 'exit 130' INT TERM

mkdir -p "$(dirname "$stack_log")"
echo "starting the local stack (--fresh: the databases customers, ledger and auth are dropped), log in $stack_log ..."
TALLY_RATE_LIMIT_SUBJECT_PER_SECOND=1000000 TALLY_RATE_LIMIT_SUBJECT_BURST=1000000 \
TALLY_RATE_LIMIT_ADDRESS_PER_SECOND=1000000 TALLY_RATE_LIMIT_ADDRESS_BURST=1000000 \
    ./local-stack/run --no-build --fresh --port-offset "$port_offset" > "$stack_log" 2>&1 &
launcher=$!

started=$SECONDS
until [[ $(curl -s -o /dev/null -w '%{http_code}' "$gateway_url/actuator/health/readiness" || true) == 200 ]]; do
    if ! kill -0 "$launcher" 2> /dev/null; then
        echo "the local stack stopped before the gateway was ready; the end of its log:" >&2
        tail -n 40 "$stack_log" >&2
        exit 1
    fi
    if (( SECONDS - started > 300 )); then
        echo "the gateway was not ready within 5 minutes; the end of the stack's log:" >&2
        tail -n 40 "$stack_log" >&2
        exit 1
    fi
    sleep 2
done
echo "the gateway is ready after $((SECONDS - started)) s"

classpath="system-tests/target/test-classes:$(cat "$classpath_file")"
echo "waiting for the build lock (no build runs while the benchmark measures) ..."
# shellcheck disable=SC2086
flock /tmp/mvn.lock java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider \
    -Dbench.launcherPid="$launcher" -Dbench.gatewayUrl="$gateway_url" -Dbench.ledgerUrl="$ledger_url" \
    -Dbench.customerUrl="$customer_url" \
    ${java_args[@]+"${java_args[@]}"} \
    -cp "$classpath" io.tally.systemtests.bench.SystemBenchmark
