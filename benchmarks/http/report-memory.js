// Summarizes run-memory.sh: heap used after a full GC and RSS before and after the load, and the classes whose live
// bytes grew the most between the two class histograms. Usage: node report-memory.js <run directory>
const fs = require("node:fs");
const path = require("node:path");

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node report-memory.js <run directory>");
  process.exit(2);
}
const read = (name) => fs.readFileSync(path.join(dir, name), "utf8");

function heap(name) {
  const text = read(`${name}-heap.txt`);
  const used = Number(/used (\d+)K/.exec(text)[1]);
  const total = Number(/total (\d+)K/.exec(text)[1]);
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)[1]);
  return { used, total, rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

function histogram(name) {
  const classes = new Map();
  let totalBytes = 0, totalInstances = 0;
  for (const line of read(`${name}-histogram.txt`).split("\n")) {
    const m = /^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)/.exec(line);
    if (m) classes.set(m[3], { instances: Number(m[1]), bytes: Number(m[2]) });
    const t = /^Total\s+(\d+)\s+(\d+)/.exec(line);
    if (t) [totalInstances, totalBytes] = [Number(t[1]), Number(t[2])];
  }
  return { classes, totalBytes, totalInstances };
}

const before = heap("before"), after = heap("after");
const hb = histogram("before"), ha = histogram("after");
const requests = Number(read("load-requests.txt").trim());
const mib = (kb) => (kb / 1024).toFixed(1);

const out = [];
out.push(`Load: ${requests} requests over every session (GET /api/auth/session, database sessions).`, "");
out.push("| | heap used after full GC (MiB) | heap committed (MiB) | live objects (histogram, MiB) | RSS (MiB) | peak RSS (MiB) |");
out.push("| --- | ---: | ---: | ---: | ---: | ---: |");
out.push(`| before (after 1,000-session warm-up) | ${mib(before.used)} | ${mib(before.total)} | ${mib(hb.totalBytes / 1024)} | ${mib(before.rss)} | ${mib(before.hwm)} |`);
out.push(`| after | ${mib(after.used)} | ${mib(after.total)} | ${mib(ha.totalBytes / 1024)} | ${mib(after.rss)} | ${mib(after.hwm)} |`);
out.push(`| growth | ${mib(after.used - before.used)} | | ${mib((ha.totalBytes - hb.totalBytes) / 1024)} | ${mib(after.rss - before.rss)} | |`);
out.push("");
out.push(`Live bytes per request of the load: ${((ha.totalBytes - hb.totalBytes) / requests).toFixed(1)}.`, "");

const growth = [];
for (const [name, a] of ha.classes) {
  const b = hb.classes.get(name) ?? { instances: 0, bytes: 0 };
  growth.push({ name, bytes: a.bytes - b.bytes, instances: a.instances - b.instances });
}
growth.sort((x, y) => y.bytes - x.bytes);
out.push("Classes that grew most (live bytes after minus before):", "");
out.push("| class | bytes | instances |");
out.push("| --- | ---: | ---: |");
for (const g of growth.slice(0, 15)) out.push(`| \`${g.name}\` | ${g.bytes} | ${g.instances} |`);
console.log(out.join("\n"));
