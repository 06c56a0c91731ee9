#!/usr/bin/env bash
# Parse + validate + resolve of LargeSchemas.withModels(100 / 1,000 / 10,000) by AuthSchema (JMH) and
# Prisma's own validator (@prisma/prisma-schema-wasm on node) on the same files, in one run, then the
# ratios. About 5 minutes. Results: benchmarks/target/schema-run/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/target/schema-run"
mkdir -p "$out"
cp=$("$here/classpath.sh")

java -cp "$cp" dev.authschema.bench.schema.WriteLargeSchemas "$out" 100 1000 10000
[ -d "$here/prisma/node_modules/@prisma/prisma-schema-wasm" ] || (cd "$here/prisma" && npm ci --no-audit --no-fund)

java -cp "$cp" org.openjdk.jmh.Main SchemaCompilerBenchmark -rf json -rff "$out/jmh.json" | tee "$out/jmh.log"
# get_dmmf (validation plus Prisma's client data model) takes over 2 s a call at 1,000 models: not run at 10,000.
{
    node "$here/prisma/validate-bench.js" 10 10 validate,get_dmmf "$out/large-100.prisma" "$out/large-1000.prisma"
    node "$here/prisma/validate-bench.js" 10 10 validate "$out/large-10000.prisma"
} | tee "$out/prisma.jsonl"
node "$here/report.js" schema "$out/jmh.json" "$out/prisma.jsonl" | tee "$out/summary.txt"
