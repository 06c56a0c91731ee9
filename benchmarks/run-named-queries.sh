#!/usr/bin/env bash
# The generated adapter's JPQL as createQuery(String) (what it ships) against the same JPQL as @NamedQuery
# (NamedQueryVariant), side by side in one run on the local PostgreSQL: the three JPQL reads/writes of the
# adapter benchmark, 1 and 4 threads. About 15 minutes. Results: benchmarks/target/named-run/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/target/named-run"
mkdir -p "$out"
cp=$("$here/classpath.sh")

for threads in 1 4; do
    java -cp "$cp" org.openjdk.jmh.Main 'AdapterBenchmark.(getSessionAndUser|getUserByAccount|useVerificationToken)' \
        -p implementation=generated,named -t "$threads" -rf json -rff "$out/jmh-t$threads.json" \
        | grep -v '^\[EL Warning\]' | tee "$out/jmh-t$threads.log"
done
node "$here/report.js" named "$out/jmh-t1.json" "$out/jmh-t4.json" | tee "$out/summary.txt"
