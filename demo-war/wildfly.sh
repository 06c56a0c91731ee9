#!/usr/bin/env bash
# Runs the demo on WildFly: the same WAR as on Liberty and Payara, embedded Derby, the dev mailbox
# (http://127.0.0.1:8180/dev/mailbox.xhtml) and the local OIDC "demo provider" on 127.0.0.1:9088.
# Usage (from the repository root): ./demo-war/wildfly.sh          Stop with Ctrl+C.
# Another database: DATABASE_URL=postgres://user:password@127.0.0.1:5432/db ./demo-war/wildfly.sh (or mariadb://...).
set -euo pipefail
cd "$(dirname "$0")/.."

# Also unpacks WildFly (org.wildfly:wildfly-dist) and its JDBC drivers into demo-war/target/wildfly/.
./mvnw -B -q -ntp -pl demo-war -am install -DskipTests -Dinvoker.skip

./mvnw -B -q -ntp -pl demo-war dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/demo-oidc.classpath
java -cp "demo-war/target/test-classes:$(cat demo-war/target/demo-oidc.classpath)" \
  dev.authschema.demo.devtools.DemoOidcProvider 9088 &
oidc_pid=$!
trap 'kill "$oidc_pid" 2>/dev/null || true' EXIT

# Port offset 100: HTTP 8180 (Payara's payara.sh has 8080), management 10090, both on 127.0.0.1 only. The development
# settings (settings/dev.env) reach only this server process, through its environment; nothing of them is in the WAR
# or in the server's configuration file.
echo "Demo: http://127.0.0.1:8180/  (dev mailbox: http://127.0.0.1:8180/dev/mailbox.xhtml)"
demo-war/src/main/wildfly/wildfly-server.sh demo-war/settings/dev.env 100 demo-war/target/wildfly-dev
