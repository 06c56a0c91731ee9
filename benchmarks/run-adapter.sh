#!/usr/bin/env bash
# The generated JpaAuthAdapter against hand-written JDBC on the local PostgreSQL (127.0.0.1:5432, db test),
# 10,000 users/accounts/sessions, 1 and 4 threads, plus the statements each operation sends.
# About 8 minutes. Results: benchmarks/target/adapter-run/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/target/adapter-run"
mkdir -p "$out"
cp=$("$here/classpath.sh")

java -cp "$cp" dev.authschema.bench.adapter.RoundTrips 2>&1 | grep -v '^\[EL Warning\]' | tee "$out/round-trips.txt"
for threads in 1 4; do
    java -cp "$cp" org.openjdk.jmh.Main AdapterBenchmark -p implementation=generated,jdbc -t "$threads" -rf json -rff "$out/jmh-t$threads.json" \
        | grep -v '^\[EL Warning\]' | tee "$out/jmh-t$threads.log"
done
node "$here/report.js" adapter "$out/jmh-t1.json" "$out/jmh-t4.json" | tee "$out/summary.txt"
