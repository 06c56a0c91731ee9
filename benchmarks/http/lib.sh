# Shared by run-http.sh and run-memory.sh (sourced, from the repository root): the build, the benchmark database,
# the Liberty server and the Auth.js servers. Everything stays on loopback and on the ports of this benchmark:
# Liberty 26080/26443, Auth.js 26000 (one node process) and 26100 (a node:cluster of WORKERS processes).

BENCH_DB=authschema_bench
PSQL=(psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -q -X)
WLP=benchmarks/target/liberty/wlp
LIBERTY_URL=http://127.0.0.1:26080/api/auth/session
# The bare references (issue 20), in authschema-bench-bare.war on the same server.
BARE_DB_URL=http://127.0.0.1:26080/bare/api/auth/bench-session-db
BARE_JWT_URL=http://127.0.0.1:26080/bare/api/auth/bench-session-jwt
# A secret made for this run (a published one is refused outside development); the Liberty server (`server start`
# below, whose server.env has none) and the Auth.js side both take it from the environment.
export AUTH_SECRET=${AUTH_SECRET:-$(head -c 33 /dev/urandom | base64 -w0)}
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGPASSWORD=postgres PGDATABASE=$BENCH_DB
export PGOPTIONS="-c client_min_messages=warning"

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require_tools() {
  command -v java >/dev/null || die "java (a JDK 17) is needed"
  command -v jcmd >/dev/null || die "jcmd (from the JDK) is needed"
  command -v node >/dev/null || die "node (20 or later) is needed"
  command -v npm >/dev/null || die "npm is needed"
  command -v psql >/dev/null || die "psql is needed (Debian: apt-get install postgresql-client)"
  command -v curl >/dev/null || die "curl is needed"
  if ! command -v wrk >/dev/null; then
    log "installing wrk (Debian package)"
    if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
    else die "wrk is missing: sudo apt-get install wrk"; fi
  fi
  "${PSQL[@]}" -d postgres -tAc 'select 1' >/dev/null \
    || die "PostgreSQL is not reachable on 127.0.0.1:5432 as user postgres"
}

# The demo WAR (its persistence unit uses the server's jdbc/authschema) on a Liberty server under benchmarks/target/liberty, and
# Auth.js from its package-lock.
build_servers() {
  log "building the demo WAR and the Liberty server (benchmarks -Pbenchmark-http)"
  ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests -Dinvoker.skip=true -Pbenchmark-http
  [ -f "$WLP/usr/servers/bench/apps/authschema-demo.war" ] || die "the Liberty server was not created"
  [ -f "$WLP/usr/servers/bench/apps/authschema-bench-bare.war" ] || die "the bare references' WAR is missing"
  log "installing Auth.js (npm ci)"
  (cd benchmarks/http/authjs && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

# A fresh benchmark database with $1 users, each with one session, in the demo's tables and in Auth.js's.
seed_database() {
  local users=$1
  "${PSQL[@]}" -d postgres -tAc "select 1 from pg_database where datname = '$BENCH_DB'" | grep -q 1 \
    || "${PSQL[@]}" -d postgres -c "create database $BENCH_DB"
  "${PSQL[@]}" -d $BENCH_DB -c 'drop schema public cascade' -c 'create schema public'
  "${PSQL[@]}" -d $BENCH_DB -f demo-war/target/classes/META-INF/authschema/ddl/postgresql.sql
  "${PSQL[@]}" -d $BENCH_DB -f benchmarks/http/sql/authjs-schema.sql
  log "seeding $users users and sessions on both sides"
  "${PSQL[@]}" -d $BENCH_DB -v n="$users" -f benchmarks/http/sql/seed.sql
}

# Session tokens, one a line, in a shuffled order (the same on both sides: session i has the same token).
export_tokens() {
  "${PSQL[@]}" -d $BENCH_DB -tAc 'select session_token from demo_login_sessions order by md5(id)' >"$1"
}

liberty_pid() { cat "$WLP/usr/servers/.pid/bench.pid"; }

liberty_start() {
  local strategy=$1
  log "starting Liberty (AUTH_SESSION_STRATEGY=$strategy)"
  AUTH_SESSION_STRATEGY=$strategy "$WLP/bin/server" start bench >/dev/null
  wait_http "$LIBERTY_URL" 120
}

liberty_stop() {
  if [ -f "$WLP/usr/servers/.pid/bench.pid" ]; then
    "$WLP/bin/server" stop bench >/dev/null 2>&1 || true
  fi
}

# Starts an Auth.js server: port, node processes, session strategy. Its pid goes to $NODE_PIDS.
NODE_PIDS=()
node_start() {
  local port=$1 workers=$2 strategy=$3
  (cd benchmarks/http/authjs && PORT=$port WORKERS=$workers AUTH_SESSION_STRATEGY=$strategy \
    exec node server.js >"$OUT/authjs-$port.log" 2>&1) &
  NODE_PIDS+=($!)
  wait_http "http://127.0.0.1:$port/api/auth/session" 30
}

node_stop_all() {
  local pid
  for pid in "${NODE_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  NODE_PIDS=()
}

wait_http() {
  local url=$1 seconds=$2 i
  for ((i = 0; i < seconds * 2; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && return 0
    sleep 0.5
  done
  die "$url did not answer 200 within ${seconds}s"
}

# Every session cookie we load with must be a valid session (an unknown one also gets 200, with an empty body):
# check the first, the last and 20 random tokens of the file against the server.
check_sessions() {
  local url=$1 file=$2 token body
  for token in $(head -1 "$file") $(tail -1 "$file") $(shuf -n 20 "$file"); do
    body=$(curl -s -H "Cookie: authjs.session-token=$token" "$url")
    case $body in
      *'"email":"member'*'@bench.test"'*) ;;
      *) die "$url does not see a session for token ${token:0:12}...: $body" ;;
    esac
  done
}

# CPU time (clock ticks, user + system) of processes and their threads; with a node:cluster primary, its workers too.
cpu_ticks() {
  local pid total=0 t
  for pid in "$@" $(for p in "$@"; do pgrep -P "$p" || true; done); do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "$total"
}

# One wrk run: label, url, tokens file, duration, the server's pids. The output file starts with `uptime` and the
# command, and ends with the CPU time the server used during the run.
run_wrk() {
  local label=$1 url=$2 tokens=$3 duration=$4 file="$OUT/$1.txt" before after
  shift 4
  { echo "uptime: $(uptime)"; echo "command: wrk -t$THREADS -c$CONNECTIONS -d$duration --timeout 10s --latency -s benchmarks/http/cycle.lua $url -- $tokens authjs.session-token"; } >"$file"
  before=$(cpu_ticks "$@")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s --latency -s benchmarks/http/cycle.lua "$url" \
    -- "$tokens" authjs.session-token >>"$file"
  after=$(cpu_ticks "$@")
  echo "server cpu seconds: $(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" 'BEGIN {print t / hz}')" >>"$file"
  log "$label: $(grep -E '^Requests/sec' "$file") p99 $(awk '$1 == "99%" {print $2}' "$file") $(tail -1 "$file") ($(uptime | sed 's/.*load/load/'))"
  # A timeout (no answer in 10 s) is a latency figure on this busy machine, not a failure; anything else is.
  if grep -q 'Non-2xx' "$file" || grep -qE 'Socket errors: connect [1-9]|read [1-9]|write [1-9]' "$file"; then
    die "$label had errors: $(grep -E 'Non-2xx|Socket errors' "$file")"
  elif grep -q 'Socket errors' "$file"; then
    log "$label: $(grep 'Socket errors' "$file" | xargs)"
  fi
}

machine_info() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), nproc $(nproc)"
  echo "memory: $(grep MemTotal /proc/meminfo | xargs)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "node: $(node --version)"
  echo "wrk: $(wrk --version 2>&1 | head -1)"
  echo "postgresql: $("${PSQL[@]}" -d postgres -tAc 'show server_version')"
  echo "liberty: $(ls benchmarks/target/liberty/wlp/lib/versions 2>/dev/null | head -1) $(grep -h 'com.ibm.websphere.productVersion' benchmarks/target/liberty/wlp/lib/versions/*.properties 2>/dev/null | head -1)"
  echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!benchmarks/target' || echo ' (with local changes)')"
}
