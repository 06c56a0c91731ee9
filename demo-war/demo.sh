#!/usr/bin/env bash
# Runs the demo on Open Liberty with no setup: embedded Derby, sign-in links in the dev mailbox
# (http://127.0.0.1:9080/dev/mailbox.xhtml) and a local OIDC "demo provider" on 127.0.0.1:9088.
# Usage (from the repository root): ./demo-war/demo.sh          Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."

# The code generator and runtime are built in the same reactor; liberty:run resolves them from the local repository.
./mvnw -B -q -ntp -pl demo-war -am install -DskipTests -Dinvoker.skip

./mvnw -B -q -ntp -pl demo-war dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/demo-oidc.classpath
java -cp "demo-war/target/test-classes:$(cat demo-war/target/demo-oidc.classpath)" \
  dev.authschema.demo.devtools.DemoOidcProvider 9088 &
oidc_pid=$!
trap 'kill "$oidc_pid" 2>/dev/null || true' EXIT

echo "Demo: http://127.0.0.1:9080/  (dev mailbox: http://127.0.0.1:9080/dev/mailbox.xhtml)"
./mvnw -B -ntp -pl demo-war liberty:run
