#!/usr/bin/env bash
# Issue 7's whole benchmark suite with one command: builds the standalone jar and the benchmarks in this checkout's
# reactor (nothing is installed into the local Maven repository), then runs every benchmark in turn and prints one
# table of each figure, its baseline from the same run, the ratio and the target.
#
#   bench/run-suite.sh            reduced size, under 10 minutes: checks that everything works
#   bench/run-suite.sh full       the sizes docs/benchmarks.md reports, about an hour
#
# Maven options go in MAVEN_ARGS, e.g. MAVEN_ARGS=-o for an offline build.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl standalone,bench -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx512m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    com.exqress.bench.BenchSuite standalone/target/exqress.jar "${1:-reduced}"
