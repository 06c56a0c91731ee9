// Validates a batch of schemas with Prisma 6's own validator, in one process, for DifferentialPrismaTest.
// stdin:  [{"id": "...", "schema": "..."}, ...]
// stdout: [{"id": "...", "valid": true|false, "errors": [{"line", "column", "message"}], "warnings": [...]}, ...]
// `valid` is `validate`'s verdict; the diagnostics (all of them, with offsets) come from `lint`.
'use strict';

// The wasm reports a Rust panic through this global; without it a panic surfaces as a TypeError.
global.PRISMA_WASM_PANIC_REGISTRY = { message: '', set_message(message) { this.message = message; } };
const wasm = require('@prisma/prisma-schema-wasm');

const FILE = 'schema.prisma';

function position(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function firstLineOfValidateError(message) {
  const at = /-->\s+\S+?:(\d+)/.exec(message);
  return at ? Number(at[1]) : 0;
}

function check(schema) {
  const files = [[FILE, schema]];
  let valid = true;
  let validateMessage = '';
  try {
    wasm.validate(JSON.stringify({ prismaSchema: files, noColor: true }));
  } catch (e) {
    valid = false;
    const raw = String(e && e.message !== undefined ? e.message : e);
    try {
      validateMessage = JSON.parse(raw).message || raw;
    } catch (notJson) {
      validateMessage = raw;
    }
  }
  let diagnostics = [];
  try {
    diagnostics = JSON.parse(wasm.lint(JSON.stringify(files)));
  } catch (e) {
    diagnostics = [];
  }
  const toEntry = (d) => Object.assign(position(schema, d.start), { message: d.text.trim() });
  const errors = diagnostics.filter((d) => !d.is_warning).map(toEntry);
  const warnings = diagnostics.filter((d) => d.is_warning).map(toEntry);
  if (!valid && errors.length === 0) {
    // A rejection that lint does not report (configuration checks): take the line from validate's text.
    const firstLine = validateMessage.split('\n').find((l) => l.startsWith('error: ')) || validateMessage;
    errors.push({ line: firstLineOfValidateError(validateMessage), column: 0, message: firstLine.replace(/^error: /, '') });
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { valid, errors, warnings };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  const results = cases.map((c) => Object.assign({ id: c.id }, check(c.schema)));
  process.stdout.write(JSON.stringify(results));
});
