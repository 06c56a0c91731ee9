#!/usr/bin/env bash
# Runs the demo WAR, unchanged, on WildFly. Its data source jdbc/authschema is made by an offline CLI script from
# DATABASE_URL (postgres://..., mariadb://..., derby:...); without it, embedded Derby in the work directory.
# Usage: wildfly-server.sh <settings.env> <port-offset> <work-dir> [log-file] [-Dname=value ...]
#   settings.env  the app's settings (same format as Liberty's server.env), exported to the server's environment
#   port-offset   jboss.socket.binding.port-offset: HTTP on 8080 + offset, management on 9990 + offset
#   work-dir      holds the server's base directory (configuration, log, deployments), rebuilt at each start, and
#                 Derby's databases (derby.system.home), which outlive it
#   log-file      where the server's console goes; default: this terminal. The log is also in
#                 <work-dir>/standalone/log/server.log
#   -D...         further system properties of the server (the integration tests' Derby network server)
# Expects target/wildfly/ (the unpacked wildfly-dist, drivers/*.jar with the JDBC drivers) and
# target/authschema-demo.war, made by `mvn package`.
set -euo pipefail
settings=$1 offset=$2 work=$3 log=${4:-}
shift $(($# < 4 ? $# : 4))
target="$(cd "$(dirname "$0")/../../.." && pwd)/target"
jboss_home=$(echo "$target"/wildfly/wildfly-*)
[[ -d "$jboss_home" ]] || { echo "No WildFly under $target/wildfly: run mvn package first" >&2; exit 1; }

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
export AUTHSCHEMA_JDBC_URL AUTHSCHEMA_DB_USER AUTHSCHEMA_DB_PASSWORD

# A fresh server configuration at each start; the databases stay.
mkdir -p "$work/derby"
work=$(cd "$work" && pwd)
rm -rf "$work/standalone" "$work/modules"
cp -r "$jboss_home/standalone" "$work/standalone"

# The JDBC drivers as one module, as Liberty's library: each driver claims its own URLs, the data source names the
# class.
module="$work/modules/dev/authschema/jdbc/main"
mkdir -p "$module"
cp "$target"/wildfly/drivers/*.jar "$module/"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<module xmlns="urn:jboss:module:1.9" name="dev.authschema.jdbc">'
  echo '  <resources>'
  for jar in "$module"/*.jar; do echo "    <resource-root path=\"$(basename "$jar")\"/>"; done
  echo '  </resources>'
  echo '  <dependencies>'
  for dep in java.se jakarta.transaction.api; do echo "    <module name=\"$dep\"/>"; done
  echo '  </dependencies>'
  echo '</module>'
} >"$module/module.xml"
export JBOSS_MODULEPATH="$jboss_home/modules:$work/modules"

# The data source reads URL and credentials from the server's environment when a connection is made, so they stay
# out of the configuration file. User and password are named only when the URL has them. validate-on-match: a
# pooled connection is checked before use, so that after a database restart the pool hands out new ones.
credentials=""
[[ -n "$AUTHSCHEMA_DB_USER" ]] && credentials+=' --user-name=${env.AUTHSCHEMA_DB_USER}'
[[ -n "$AUTHSCHEMA_DB_PASSWORD" ]] && credentials+=' --password=${env.AUTHSCHEMA_DB_PASSWORD}'
cat >"$work/configure.cli" <<COMMANDS
embed-server --server-config=standalone.xml --std-out=discard
/subsystem=datasources/jdbc-driver=authschema:add(driver-name=authschema, driver-module-name=dev.authschema.jdbc, driver-class-name=$AUTHSCHEMA_JDBC_DRIVER)
data-source add --name=authschema --jndi-name=java:/jdbc/authschema --driver-name=authschema --connection-url=\${env.AUTHSCHEMA_JDBC_URL}$credentials --max-pool-size=20 --blocking-timeout-wait-millis=5000 --validate-on-match=true --background-validation=false --valid-connection-checker-class-name=org.jboss.jca.adapters.jdbc.extensions.novendor.JDBC4ValidConnectionChecker
/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi, value=false)
/subsystem=undertow/server=default-server/host=default-host/location=\/:remove
/subsystem=undertow/server=default-server/host=default-host:write-attribute(name=default-web-module, value=authschema-demo.war)
stop-embedded-server
COMMANDS
JAVA_OPTS="-Djboss.server.base.dir=$work/standalone" "$jboss_home/bin/jboss-cli.sh" --file="$work/configure.cli" >/dev/null
cp "$target/authschema-demo.war" "$work/standalone/deployments/"

if [[ -n "$log" ]]; then
  exec >"$log" 2>&1
fi
# user.timezone=UTC: the generated entities keep instants as UTC wall-clock LocalDateTime columns. EclipseLink (Liberty,
# Payara) binds them through the runtime's UTC platforms; Hibernate binds them through the JVM's zone (Derby's driver
# takes no java.time values), which moves a time that falls in that zone's daylight-saving gap by an hour.
# In the background, so that standalone.sh passes SIGTERM (Ctrl+C, or Maven ending the test server) on to the JVM.
export LAUNCH_JBOSS_IN_BACKGROUND=true
exec "$jboss_home/bin/standalone.sh" -Djboss.server.base.dir="$work/standalone" \
  -b 127.0.0.1 -bmanagement 127.0.0.1 -Djboss.socket.binding.port-offset="$offset" \
  -Dderby.system.home="$work/derby" -Duser.timezone=UTC "$@"
