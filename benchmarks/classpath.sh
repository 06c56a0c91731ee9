#!/usr/bin/env bash
# Builds the benchmarks module and the modules it needs (no tests, no invoker builds) and prints
# the class path to run JMH with: this module's classes and every runtime dependency.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/target"
(cd "$here/.." && ./mvnw -q -B -ntp -pl benchmarks -am -DskipTests -Dinvoker.skip=true \
    package dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$here/target/classpath.txt" >&2)
echo "$here/target/classes:$(cat "$here/target/classpath.txt")"
