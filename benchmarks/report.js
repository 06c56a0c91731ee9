// Prints the figures of a benchmark run with the ratios, for README.md.
//   node report.js schema <jmh.json> <prisma.jsonl>
//   node report.js adapter <jmh-1-thread.json> <jmh-4-threads.json>
//   node report.js named <jmh.json>...      (generated createQuery against @NamedQuery)
'use strict';
const fs = require('node:fs');

const [kind, ...files] = process.argv.slice(2);
const jmh = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const f = (x, digits = 2) => x.toFixed(digits);

if (kind === 'schema') {
  const ours = jmh(files[0]);
  const prisma = fs.readFileSync(files[1], 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  console.log('| models | AuthSchema compile (ms, JMH ± 99.9% CI) | Prisma validate (ms ± stdev) | Prisma get_dmmf (ms) | ours / validate | ours / get_dmmf |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const run of ours) {
    const models = run.params.models;
    const file = `large-${models}.prisma`;
    const ms = run.primaryMetric.score;
    const error = run.primaryMetric.scoreError;
    const validate = prisma.find((p) => p.file === file && p.function === 'validate');
    const dmmf = prisma.find((p) => p.file === file && p.function === 'get_dmmf');
    const dmmfColumns = dmmf ? `${f(dmmf.meanMs)} (n=${dmmf.calls}) | ` : 'not run | ';
    const dmmfRatio = dmmf ? `${f(ms / dmmf.meanMs)}x` : '-';
    console.log(`| ${models} | ${f(ms)} ± ${f(error)} | ${f(validate.meanMs)} ± ${f(validate.stdevMs)} (n=${validate.calls}) | ${dmmfColumns}`
      + `${f(ms / validate.meanMs)}x | ${dmmfRatio} |`);
  }
} else if (kind === 'adapter') {
  console.log('| operation | threads | generated (us/op) | JDBC (us/op) | generated / JDBC |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const file of files) {
    const runs = jmh(file);
    const operations = [...new Set(runs.map((r) => r.benchmark.split('.').pop()))];
    for (const operation of operations) {
      const of = (impl) => runs.find((r) => r.benchmark.endsWith('.' + operation) && r.params.implementation === impl);
      const generated = of('generated');
      const jdbc = of('jdbc');
      if (!generated || !jdbc) continue;
      const g = generated.primaryMetric;
      const j = jdbc.primaryMetric;
      console.log(`| ${operation} | ${generated.threads} | ${f(g.score, 1)} ± ${f(g.scoreError, 1)} | ${f(j.score, 1)} ± ${f(j.scoreError, 1)} `
        + `| ${f(g.score / j.score)}x |`);
    }
  }
} else if (kind === 'named') {
  console.log('| operation | threads | createQuery (us/op) | @NamedQuery (us/op) | named / createQuery |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const file of files) {
    const runs = jmh(file);
    for (const operation of [...new Set(runs.map((r) => r.benchmark.split('.').pop()))]) {
      const of = (impl) => runs.find((r) => r.benchmark.endsWith('.' + operation) && r.params.implementation === impl);
      const generated = of('generated');
      const named = of('named');
      if (!generated || !named) continue;
      const g = generated.primaryMetric;
      const n = named.primaryMetric;
      console.log(`| ${operation} | ${generated.threads} | ${f(g.score, 1)} ± ${f(g.scoreError, 1)} | ${f(n.score, 1)} ± ${f(n.scoreError, 1)} `
        + `| ${f(n.score / g.score)}x |`);
    }
  }
} else {
  console.error('usage: node report.js schema|adapter|named <files>');
  process.exit(2);
}
