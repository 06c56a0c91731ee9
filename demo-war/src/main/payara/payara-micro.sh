#!/usr/bin/env bash
# Runs the demo WAR, unchanged, on Payara Micro. Its data source jdbc/authschema is made by post-boot commands from
# DATABASE_URL (postgres://..., mariadb://..., derby:...); without it, embedded Derby in the work directory.
# Usage: payara-micro.sh <settings.env> <http-port> <work-dir> [log-file]
#   settings.env  the app's settings (same format as Liberty's server.env), exported to the server's environment
#   work-dir      holds Payara's --rootdir and Derby's databases (derby.system.home)
#   log-file      where the server's output goes; default: this terminal
# Expects target/payara/ (payara-micro.jar, lib/*.jar with the JDBC drivers) and target/authschema-demo(.war),
# made by `mvn package`.
set -euo pipefail
settings=$1 port=$2 work=$3 log=${4:-}
target="$(cd "$(dirname "$0")/../../.." && pwd)/target"

set -a
# shellcheck disable=SC1090
. "$settings"
set +a

# The runtime inside the WAR turns the connection string into driver, URL and credentials (or says which part
# is wrong, without the password).
DATABASE_URL=${DATABASE_URL:-derby:authschema-demo}
export DATABASE_URL
data_source=$(java -cp "$target/authschema-demo/WEB-INF/lib/*" dev.authschema.database.ServerDataSourceSettings)
eval "$data_source"

# asadmin splits --property at colons and resolves ${ENV=...} before it splits, so the values it reads from the
# environment carry their backslashes, colons and equals signs escaped. The credentials reach Payara that way,
# never in a file.
asadmin_escaped() { local value=${1//\\/\\\\}; value=${value//:/\\:}; printf %s "${value//=/\\=}"; }
PAYARA_AUTHSCHEMA_URL=$(asadmin_escaped "$AUTHSCHEMA_JDBC_URL")
PAYARA_AUTHSCHEMA_USER=$(asadmin_escaped "$AUTHSCHEMA_DB_USER")
PAYARA_AUTHSCHEMA_PASSWORD=$(asadmin_escaped "$AUTHSCHEMA_DB_PASSWORD")
export PAYARA_AUTHSCHEMA_URL PAYARA_AUTHSCHEMA_USER PAYARA_AUTHSCHEMA_PASSWORD

# asadmin refuses an empty property value, so user and password are named only when the URL has them.
properties='URL=${ENV=PAYARA_AUTHSCHEMA_URL}'
[[ -n "$AUTHSCHEMA_DB_USER" ]] && properties+=':user=${ENV=PAYARA_AUTHSCHEMA_USER}'
[[ -n "$AUTHSCHEMA_DB_PASSWORD" ]] && properties+=':password=${ENV=PAYARA_AUTHSCHEMA_PASSWORD}'

mkdir -p "$work"
cat >"$work/post-boot.asadmin" <<COMMANDS
create-jdbc-connection-pool --restype java.sql.Driver --driverclassname $AUTHSCHEMA_JDBC_DRIVER --isconnectvalidatereq true --validationmethod meta-data --property $properties authschema
create-jdbc-resource --connectionpoolid authschema jdbc/authschema
COMMANDS

if [[ -n "$log" ]]; then
  exec >"$log" 2>&1
fi
exec java -Xmx768m -Dderby.system.home="$work/derby" -jar "$target/payara/payara-micro.jar" \
  --nocluster --rootdir "$work/root" --port "$port" \
  --addLibs "$target/payara/lib" \
  --postbootcommandfile "$work/post-boot.asadmin" \
  --deploy "$target/authschema-demo.war" --contextroot /
