#!/usr/bin/env bash
# Shared by the benchmark scripts: builds one module and its test classes (unless --no-build),
# then runs a benchmark main class of the module on its test classpath.
#
#   bench/run-in-module.sh <module> <main class> [--no-build] [-Dname=value ...] [-X...]
#
# Maven and then the benchmark itself run under `flock /tmp/tally-mvn.lock`, so that no other build
# on the machine (they take the same lock) runs while it measures; do not wrap this script in
# that lock yourself. JVM options: BENCH_JAVA_OPTS [-Xms1g -Xmx2g].
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

module="$1"
main_class="$2"
shift 2

build=1
java_args=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        -D*|-X*) java_args+=("$arg") ;;
        *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

classpath_file="$module/target/bench.classpath"
if [[ $build == 1 || ! -f $classpath_file ]]; then
    echo "building $module and its test classes, computing the test classpath ..."
    # One reactor run, so that the shared modules come from this build, not ~/.m2.
    flock /tmp/tally-mvn.lock ./mvnw -B -q -pl "$module" -am test-compile dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi

classpath="$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")"
echo "waiting for the build lock (no build runs while the benchmark measures) ..."

export AXONIQ_UPDATE_CHECKER_DISABLED=true
# shellcheck disable=SC2086
exec flock /tmp/tally-mvn.lock java ${BENCH_JAVA_OPTS:--Xms1g -Xmx2g} \
    -Daxoniq.update-checker.disabled=true -Ddisable-axoniq-console-message=true \
    "${java_args[@]}" \
    -cp "$classpath" "$main_class"
