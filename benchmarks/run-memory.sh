#!/usr/bin/env bash
# Memory benchmark (issue 8): Liberty's heap after reading 100,000 distinct database sessions under load stays
# flat. Seeds USERS users with one session each, warms the demo up on 1,000 of them, then records the heap after a
# full GC (jcmd GC.heap_info after GC.run, and GC.class_histogram, which collects too) and the RSS
# (/proc/<pid>/status); drives wrk through every token until each session was read at least once; records the same
# again and the classes that grew. Results in benchmarks/target/memory-run/.
#
# Needs what run-http.sh needs. Settings: USERS (100000), CONNECTIONS (32), CHUNK (60s: wrk runs this long, again
# until every token was requested), SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-100000}
CONNECTIONS=${CONNECTIONS:-32}
CHUNK=${CHUNK:-60s}
# One wrk thread: it walks the token file in order, so N requests cover min(N, USERS) distinct sessions.
THREADS=1
OUT=$PWD/benchmarks/target/memory-run

# shellcheck source=http/lib.sh
source benchmarks/http/lib.sh

require_tools
if [ "${SKIP_BUILD:-}" != 1 ]; then
  build_servers
fi
liberty_stop
rm -rf "$OUT"
mkdir -p "$OUT"
trap 'liberty_stop' EXIT

seed_database "$USERS"
export_tokens "$OUT/tokens.txt"
head -1000 "$OUT/tokens.txt" >"$OUT/warmup-tokens.txt"
machine_info >"$OUT/machine.txt"
echo "settings: USERS=$USERS CONNECTIONS=$CONNECTIONS CHUNK=$CHUNK THREADS=$THREADS" >>"$OUT/machine.txt"

liberty_start database
pid=$(liberty_pid)
check_sessions "$LIBERTY_URL" "$OUT/tokens.txt"

snapshot() {
  local name=$1
  jcmd "$pid" GC.run >/dev/null
  sleep 2
  jcmd "$pid" GC.run >/dev/null
  {
    echo "uptime: $(uptime)"
    jcmd "$pid" GC.heap_info | tail -n +2
    grep -E '^(VmRSS|VmHWM|RssAnon|Threads)' "/proc/$pid/status"
  } >"$OUT/$name-heap.txt"
  jcmd "$pid" GC.class_histogram | tail -n +2 >"$OUT/$name-histogram.txt"
  log "$name: $(grep -o 'used [0-9]*K' "$OUT/$name-heap.txt" | head -1), $(grep VmRSS "$OUT/$name-heap.txt" | xargs)"
}

log "warm-up: 1,000 sessions"
run_wrk warmup "$LIBERTY_URL" "$OUT/warmup-tokens.txt" 60s "$pid"
snapshot before

# Each wrk run starts where the previous one stopped (the token file rotated by the requests so far), until every
# session was requested at least once.
total=0
chunk=0
while ((total < USERS)); do
  chunk=$((chunk + 1))
  ((chunk <= 20)) || die "the load did not cover $USERS sessions in 20 runs of $CHUNK"
  { tail -n +$((total + 1)) "$OUT/tokens.txt"; head -n "$total" "$OUT/tokens.txt"; } >"$OUT/chunk-tokens.txt"
  run_wrk "load-$chunk" "$LIBERTY_URL" "$OUT/chunk-tokens.txt" "$CHUNK" "$pid"
  total=$((total + $(awk '$2 == "requests" && $3 == "in" {print $1}' "$OUT/load-$chunk.txt")))
  log "requests so far: $total"
done
echo "$total" >"$OUT/load-requests.txt"
check_sessions "$LIBERTY_URL" "$OUT/tokens.txt"
snapshot after

node benchmarks/http/report-memory.js "$OUT" | tee "$OUT/summary.md"
