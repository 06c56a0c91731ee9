#!/usr/bin/env bash
# HTTP benchmark (issue 8): GET /api/auth/session with a valid session cookie, on Open Liberty (the demo WAR on
# PostgreSQL) and on Auth.js itself (@auth/core + @auth/pg-adapter on node, same database, same rows), database
# sessions and then JWT sessions, under wrk on loopback. Both sides run in the same session of this script,
# interleaved round by round; results and a summary land in benchmarks/target/http-run/.
#
# Needs a JDK 17, node 20+, PostgreSQL on 127.0.0.1:5432 (user postgres), wrk (installed with apt-get if missing).
# Settings (environment): USERS (10000), ROUNDS (3), DURATION (20s), WARMUP (90s), THREADS (1), CONNECTIONS (32),
# WORKERS (node processes of the clustered Auth.js, 2 = nproc here), STRATEGIES ("database jwt"), SKIP_BUILD=1 to
# reuse the last build.
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
trap 'node_stop_all; liberty_stop' EXIT

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

targets=(liberty authjs authjs-cluster)
pids_of() {
  case $1 in
    liberty) liberty_pid ;;
    authjs) echo "${NODE_PIDS[0]}" ;;
    authjs-cluster) echo "${NODE_PIDS[1]}" ;;
  esac
}
url_of() {
  case $1 in
    liberty) echo "$LIBERTY_URL" ;;
    authjs) echo http://127.0.0.1:26000/api/auth/session ;;
    authjs-cluster) echo http://127.0.0.1:26100/api/auth/session ;;
  esac
}

for strategy in ${STRATEGIES:-database jwt}; do
  if [ "$strategy" = database ]; then tokens=$OUT/db-tokens.txt; else tokens=$OUT/jwt-tokens.txt; fi
  liberty_start "$strategy"
  node_start 26000 1 "$strategy"
  node_start 26100 "$WORKERS" "$strategy"
  for target in "${targets[@]}"; do
    check_sessions "$(url_of "$target")" "$tokens"
  done
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
