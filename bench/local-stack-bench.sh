# Sourced by the benchmarks that run on the whole local stack (bench/system.sh, bench/console.sh):
# reads their arguments (--no-build, -D..., -X...), builds the stack's modules and system-tests,
# starts ./local-stack/run --no-build --fresh --port-offset "$port_offset" with the rate limits
# lifted, waits until the gateway is ready, stops the stack (and whatever it left) on exit, and
# defines run_benchmark <main class>. The caller sets port_offset first. From before the build
# until it exits, the script holds the machine's build lock (flock /tmp/tally-mvn.lock).
#
# CAUTION: --fresh drops and recreates the databases customers, ledger and auth on the local
# PostgreSQL; the script refuses to run while another local stack is running.

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

port_offset="${port_offset:?set port_offset before sourcing}"
gateway_url="http://127.0.0.1:$((8080 + port_offset))"
ledger_url="http://127.0.0.1:$((8082 + port_offset))"
# The services' actuators (health) answer on their management ports.
customer_management_url="http://127.0.0.1:$((9081 + port_offset))"
ledger_management_url="http://127.0.0.1:$((9082 + port_offset))"
stack_log="system-tests/target/bench-stack.log"
classpath_file="system-tests/target/bench.classpath"

# The build lock that every build on the machine takes, held from here until the script ends: no
# build runs while the benchmark measures, nor repackages a jar the stack runs from (a service whose
# jar is replaced under it fails with NoClassDefFoundError). Taken before the look for another
# stack, which may be running under it. The stack's processes do not inherit it.
exec {build_lock}> /tmp/tally-mvn.lock
echo "waiting for the build lock /tmp/tally-mvn.lock ..."
flock "$build_lock"

# Another stack works on the same databases, which --fresh would drop under it.
if pgrep -f 'io\.tally\.localstack\.LocalStack' > /dev/null; then
    echo "another local stack is running (pids $(pgrep -d ' ' -f 'io\.tally\.localstack\.LocalStack')):" \
        "it uses the databases this benchmark drops; stop it first" >&2
    exit 1
fi

if [[ $build == 1 || ! -f $classpath_file ]]; then
    echo "building the stack's modules and the system tests, computing their test classpath ..."
    # One reactor run, so that the shared modules come from this build, not ~/.m2.
    ./mvnw -B -q -DskipTests package dependency:build-classpath \
        -pl local-stack,customer-service,credit-ledger-service,auth-service,console,api-gateway,system-tests -am \
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
    ./local-stack/run --no-build --fresh --port-offset "$port_offset" > "$stack_log" 2>&1 {build_lock}>&- &
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

# Runs a benchmark main class of system-tests against the stack, with the stack's addresses.
run_benchmark() {
    local main_class="$1"
    # shellcheck disable=SC2086
    java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider \
        -Dbench.launcherPid="$launcher" -Dbench.gatewayUrl="$gateway_url" -Dbench.ledgerUrl="$ledger_url" \
        -Dbench.ledgerManagementUrl="$ledger_management_url" -Dbench.customerManagementUrl="$customer_management_url" \
        ${java_args[@]+"${java_args[@]}"} \
        -cp "$classpath" "$main_class"
}
