#!/usr/bin/env bash
# Runs the demo WAR, unchanged, on Payara Micro with embedded Derby from --addLibs.
# Usage: payara-micro.sh <settings.env> <http-port> <work-dir> [log-file]
#   settings.env  the app's settings (same format as Liberty's server.env), exported to the server's environment
#   work-dir      holds Payara's --rootdir and Derby's databases (derby.system.home)
#   log-file      where the server's output goes; default: this terminal
# Expects target/payara/ (payara-micro.jar, lib/*.jar) and target/authschema-demo.war, made by `mvn package`.
set -euo pipefail
settings=$1 port=$2 work=$3 log=${4:-}
target="$(cd "$(dirname "$0")/../../.." && pwd)/target"

set -a
# shellcheck disable=SC1090
. "$settings"
set +a

mkdir -p "$work"
if [[ -n "$log" ]]; then
  exec >"$log" 2>&1
fi
exec java -Xmx768m -Dderby.system.home="$work/derby" -jar "$target/payara/payara-micro.jar" \
  --nocluster --rootdir "$work/root" --port "$port" \
  --addLibs "$target/payara/lib" \
  --deploy "$target/authschema-demo.war" --contextroot /
