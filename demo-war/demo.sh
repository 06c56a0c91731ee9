#!/usr/bin/env bash
# Runs the demo on Open Liberty with no setup: embedded Derby, sign-in links in the dev mailbox
# (http://127.0.0.1:9080/dev/mailbox.xhtml) and a local OIDC "demo provider" on 127.0.0.1:9088.
# Usage (from the repository root): ./demo-war/demo.sh          Stop with Ctrl+C.
# Another database: DATABASE_URL=postgres://user:password@127.0.0.1:5432/db ./demo-war/demo.sh (or mariadb://...).
set -euo pipefail
cd "$(dirname "$0")/.."

# The code generator and runtime are built in the same reactor; the Liberty goals resolve them from the local repository.
./mvnw -B -q -ntp -pl demo-war -am install -DskipTests -Dinvoker.skip

# The server's data source (server.xml) reads these variables; the runtime turns DATABASE_URL into them, or says
# which part of it is wrong. Unset, the server's default is embedded Derby.
if [[ -n "${DATABASE_URL:-}" ]]; then
  data_source=$(java -cp "demo-war/target/authschema-demo/WEB-INF/lib/*" dev.authschema.database.ServerDataSourceSettings)
  eval "$data_source"
  export AUTHSCHEMA_JDBC_URL AUTHSCHEMA_DB_USER AUTHSCHEMA_DB_PASSWORD
  echo "Database: $AUTHSCHEMA_DB_KIND at $AUTHSCHEMA_JDBC_URL"
fi

./mvnw -B -q -ntp -pl demo-war dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/demo-oidc.classpath
java -cp "demo-war/target/test-classes:$(cat demo-war/target/demo-oidc.classpath)" \
  dev.authschema.demo.devtools.DemoOidcProvider 9088 &
oidc_pid=$!
trap 'kill "$oidc_pid" 2>/dev/null || true' EXIT

echo "Demo: http://127.0.0.1:9080/  (dev mailbox: http://127.0.0.1:9080/dev/mailbox.xhtml)"
./mvnw -B -q -ntp -pl demo-war liberty:create@dev-server liberty:deploy@dev-server
# The development settings reach only this server process, through its environment: the server directory the
# plugin made holds none, so a server packaged from it refuses to start without a real AUTH_SECRET.
set -a
# shellcheck disable=SC1091
. demo-war/settings/dev.env
set +a
demo-war/target/liberty/wlp/bin/server run demo
