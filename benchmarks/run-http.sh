#!/usr/bin/env bash
# HTTP benchmark (issues 8 and 20): GET /api/auth/session with a valid session cookie, on Open Liberty (the demo WAR on
# PostgreSQL) and on Auth.js itself (@auth/core + @auth/pg-adapter on node, same database, same rows), database
# sessions and then JWT sessions, under wrk on loopback; next to them, on the same Liberty server, the bare
# references of issue 20 (authschema-bench-bare.war at /bare: one prepared statement on the same data source, or
# Nimbus opening the same JWE cookie; no engine). All sides run in the same session of this script, interleaved
# round by round; results and a summary land in benchmarks/target/http-run/.
#
# Needs a JDK 17, node 20+, PostgreSQL on 127.0.0.1:5432 (user postgres), wrk (installed with apt-get if missing).
# Settings (environment): USERS (10000), ROUNDS (3), DURATION (20s), WARMUP (90s), THREADS (1), CONNECTIONS (32),
# WORKERS (node processes of the clustered Auth.js, 2 = nproc here), STRATEGIES ("database jwt"), TARGETS
# ("liberty bare authjs authjs-cluster": which servers take part), SKIP_BUILD=1 to reuse the last build.
# BEFORE_WAR=<a demo WAR built from another commit>: deployed next to the current one (dropins/before.war, context
# /before) and measured as the target "before" (add it to TARGETS), for before/after figures of an engine change in
# one run.
# PROFILE=1: after each strategy's rounds, a JFR recording of Liberty (jcmd JFR.start, settings=profile; jvm.options
# keeps stacks 256 frames deep) during one more run of PROFILE_DURATION (30s) on the engine with PROFILE_THREADS (4)
# wrk threads, summarized by http/report-jfr.js into jfr-<strategy>.md.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-10000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-90s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-32}
WORKERS=${WORKERS:-2}
OUT=$PWD/benchmarks/target/http-run

# shellcheck source=http/lib.sh
source benchmarks/http/lib.sh

require_tools
if [ "${SKIP_BUILD:-}" != 1 ]; then
  build_servers
fi
liberty_stop
rm -rf "$OUT"
mkdir -p "$OUT"
BEFORE_DROPIN=$WLP/usr/servers/bench/dropins/before.war
rm -f "$BEFORE_DROPIN"
trap 'node_stop_all; liberty_stop; rm -f "$BEFORE_DROPIN"' EXIT
if [ -n "${BEFORE_WAR:-}" ]; then
  cp "$BEFORE_WAR" "$BEFORE_DROPIN"
  echo "before: $BEFORE_WAR ($(sha256sum "$BEFORE_WAR" | cut -c1-12))" >>"$OUT/before.txt"
fi

seed_database "$USERS"
postgres_started=$("${PSQL[@]}" -d postgres -tAc 'select pg_postmaster_start_time()')
export_tokens "$OUT/db-tokens.txt"
"${PSQL[@]}" -d $BENCH_DB -tA -F $'\t' -c 'select id, name, email from demo_members order by md5(id)' >"$OUT/users.tsv"
# JWT cookies minted by Auth.js's own encode(); the engine opens the same format, so both sides get the same ones.
(cd benchmarks/http/authjs && node mint-jwt.js "$OUT/users.tsv") >"$OUT/jwt-tokens.txt"
machine_info >"$OUT/machine.txt"
{
  echo "settings: USERS=$USERS ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP THREADS=$THREADS"
  echo "          CONNECTIONS=$CONNECTIONS WORKERS=$WORKERS"
} >>"$OUT/machine.txt"

index_scans() {
  "${PSQL[@]}" -d $BENCH_DB -tA -F ' ' -c "select indexrelname, idx_scan from pg_stat_user_indexes
    where indexrelname in ('demo_login_sessions_session_token_key', 'demo_members_pkey',
                           'sessions_session_token_key', 'users_pkey') order by 1"
}

read -r -a targets <<<"${TARGETS:-liberty bare authjs authjs-cluster}"
pids_of() {
  case $1 in
    liberty | bare | before) liberty_pid ;;
    authjs) echo "${NODE_PIDS[0]}" ;;
    authjs-cluster) echo "${NODE_PIDS[1]}" ;;
  esac
}
url_of() {
  case $1 in
    liberty) echo "$LIBERTY_URL" ;;
    before) echo http://127.0.0.1:26080/before/api/auth/session ;;
    bare) if [ "$strategy" = database ]; then echo "$BARE_DB_URL"; else echo "$BARE_JWT_URL"; fi ;;
    authjs) echo http://127.0.0.1:26000/api/auth/session ;;
    authjs-cluster) echo http://127.0.0.1:26100/api/auth/session ;;
  esac
}

has_target() {
  local t
  for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done
  return 1
}

# The same body from both URLs for the first, the last and 20 random tokens of the file.
check_same_body() {
  local engine=$1 bare=$2 file=$3 token a b
  for token in $(head -1 "$file") $(tail -1 "$file") $(shuf -n 20 "$file"); do
    a=$(curl -s -H "Cookie: authjs.session-token=$token" "$engine")
    b=$(curl -s -H "Cookie: authjs.session-token=$token" "$bare")
    [ "$a" = "$b" ] || die "$bare answers otherwise than $engine for token ${token:0:12}...: $b vs $a"
  done
  [ "$(curl -s "$bare")" = "$(curl -s "$engine")" ] || die "$bare and $engine differ without a cookie"
}

# A JFR recording of the Liberty server during one wrk run on the engine, and its summary.
profile_liberty() {
  local strategy=$1 tokens=$2 pid jfr=$OUT/jfr-$1.jfr
  pid=$(liberty_pid)
  log "profiling Liberty ($strategy sessions, ${PROFILE_THREADS:-4} wrk threads, ${PROFILE_DURATION:-30s})"
  jcmd "$pid" JFR.start name=bench settings=profile filename="$jfr" >/dev/null
  THREADS=${PROFILE_THREADS:-4} run_wrk "$strategy-profile-liberty" "$LIBERTY_URL" "$tokens" "${PROFILE_DURATION:-30s}" "$pid"
  jcmd "$pid" JFR.stop name=bench >/dev/null
  jfr print --stack-depth 256 --events jdk.ExecutionSample "$jfr" >"$OUT/jfr-$strategy-samples.txt"
  node benchmarks/http/report-jfr.js "$OUT/jfr-$strategy-samples.txt" >"$OUT/jfr-$strategy.md"
  rm -f "$OUT/jfr-$strategy-samples.txt"
  cat "$OUT/jfr-$strategy.md" >&2
}

for strategy in ${STRATEGIES:-database jwt}; do
  if [ "$strategy" = database ]; then tokens=$OUT/db-tokens.txt; else tokens=$OUT/jwt-tokens.txt; fi
  liberty_start "$strategy"
  has_target authjs && node_start 26000 1 "$strategy"
  has_target authjs-cluster && node_start 26100 "$WORKERS" "$strategy"
  for target in "${targets[@]}"; do
    check_sessions "$(url_of "$target")" "$tokens"
  done
  # The bare reference must answer exactly what the engine answers, byte for byte.
  has_target bare && check_same_body "$LIBERTY_URL" "$(url_of bare)" "$tokens"
  if [ "$strategy" = database ]; then
    # Statistics reach pg_stat_user_indexes when a backend has been idle a while: wait before each snapshot.
    sleep 11
    index_scans >"$OUT/index-scans-before.txt"
  fi
  for target in "${targets[@]}"; do
    run_wrk "$strategy-warmup-$target" "$(url_of "$target")" "$tokens" "$WARMUP" $(pids_of "$target")
  done
  for ((round = 1; round <= ROUNDS; round++)); do
    # Rotate the order so that no side always runs first (or right after the same neighbour).
    for ((k = 0; k < ${#targets[@]}; k++)); do
      target=${targets[$(((round - 1 + k) % ${#targets[@]}))]}
      run_wrk "$strategy-$target-$round" "$(url_of "$target")" "$tokens" "$DURATION" $(pids_of "$target")
    done
  done
  if [ "$strategy" = database ]; then
    sleep 11
    index_scans >"$OUT/index-scans-after.txt"
  fi
  if [ "${PROFILE:-}" = 1 ]; then
    profile_liberty "$strategy" "$tokens"
  fi
  # The sessions are still valid after the load (nothing deleted or expired them).
  for target in "${targets[@]}"; do
    check_sessions "$(url_of "$target")" "$tokens"
  done
  node_stop_all
  liberty_stop
done

postgres_started_after=$("${PSQL[@]}" -d postgres -tAc 'select pg_postmaster_start_time()')
if [ "$postgres_started_after" != "$postgres_started" ]; then
  log "WARNING: PostgreSQL was restarted during the run (by someone else?): compare with care"
  echo "postgres restarted during the run: $postgres_started -> $postgres_started_after" >>"$OUT/machine.txt"
fi

node benchmarks/http/report-http.js "$OUT" | tee "$OUT/summary.md"
