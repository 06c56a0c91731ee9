#!/usr/bin/env bash
# Runs the demo on Payara Micro: the same WAR as on Liberty, embedded Derby, the dev mailbox
# (http://127.0.0.1:8080/dev/mailbox.xhtml) and the local OIDC "demo provider" on 127.0.0.1:9088.
# Usage (from the repository root): ./demo-war/payara.sh          Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -ntp -pl demo-war -am install -DskipTests -Dinvoker.skip

./mvnw -B -q -ntp -pl demo-war dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/demo-oidc.classpath
java -cp "demo-war/target/test-classes:$(cat demo-war/target/demo-oidc.classpath)" \
  dev.authschema.demo.devtools.DemoOidcProvider 9088 &
oidc_pid=$!
trap 'kill "$oidc_pid" 2>/dev/null || true' EXIT

echo "Demo: http://127.0.0.1:8080/  (dev mailbox: http://127.0.0.1:8080/dev/mailbox.xhtml)"
demo-war/src/main/payara/payara-micro.sh demo-war/settings/dev.env 8080 demo-war/target/payara-dev
