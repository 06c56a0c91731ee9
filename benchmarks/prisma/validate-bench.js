// Times Prisma's own schema validator (the wasm module Prisma 6.19.0 ships) on schema files, warm:
// the module is loaded once, each function is called repeatedly, the mean of the measured calls is
// printed after a warm-up. Usage: node validate-bench.js <warmupSeconds> <measureSeconds> <file>...
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const wasm = require('@prisma/prisma-schema-wasm');

const [warmupSeconds, measureSeconds, functionList, ...files] = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node validate-bench.js <warmupSeconds> <measureSeconds> <validate,get_dmmf> <schema.prisma>...');
  process.exit(2);
}

const MIN_MEASURED_CALLS = 5;
const version = require('@prisma/prisma-schema-wasm/package.json').version;

/** Calls fn until the time budget is spent (at least minCalls times); returns the calls' durations in ms. */
function run(fn, seconds, minCalls) {
  const budget = BigInt(Math.round(Number(seconds) * 1e9));
  const start = process.hrtime.bigint();
  const durations = [];
  while (durations.length < minCalls || process.hrtime.bigint() - start < budget) {
    const t0 = process.hrtime.bigint();
    fn();
    durations.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return durations;
}

function stats(durations) {
  const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
  const variance = durations.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, durations.length - 1);
  return { calls: durations.length, meanMs: mean, stdevMs: Math.sqrt(variance) };
}

for (const file of files) {
  const content = fs.readFileSync(file, 'utf8');
  const params = JSON.stringify({ prismaSchema: [[path.basename(file), content]], noColor: true });
  const functions = {
    validate: () => wasm.validate(params),
    get_dmmf: () => wasm.get_dmmf(params),
  };
  // Fails loudly when Prisma rejects the file: a rejected schema would time the error path.
  functions.validate();
  for (const name of functionList.split(',')) {
    const fn = functions[name];
    if (!fn) {
      throw new Error(`unknown function ${name}; expected one of ${Object.keys(functions)}`);
    }
    run(fn, warmupSeconds, 1);
    const result = stats(run(fn, measureSeconds, MIN_MEASURED_CALLS));
    console.log(JSON.stringify({ tool: `@prisma/prisma-schema-wasm@${version}`, function: name, file: path.basename(file),
      calls: result.calls, meanMs: Number(result.meanMs.toFixed(3)), stdevMs: Number(result.stdevMs.toFixed(3)) }));
  }
}
