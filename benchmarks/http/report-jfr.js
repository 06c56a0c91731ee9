// Summarizes the execution samples of a JFR recording (`jfr print --json --events jdk.ExecutionSample`) of the
// Liberty server under load (run-http.sh PROFILE=1): self time by component (the sampled top frame), the same with
// JDK frames charged to the component that called into the JDK, the share of samples with a component anywhere on
// the stack, and the top frames by self time.
// Usage: node report-jfr.js <samples.json>
const fs = require("node:fs");

const file = process.argv[2];
if (!file) {
  console.error("usage: node report-jfr.js <samples.json>");
  process.exit(2);
}

// Order matters: the first prefix that matches names the component.
const components = [
  ["generated adapter", ["dev.authschema.demo.auth."]],
  ["engine", ["dev.authschema."]],
  ["EclipseLink", ["org.eclipse.persistence."]],
  ["PostgreSQL driver", ["org.postgresql."]],
  ["Nimbus", ["com.nimbusds."]],
  ["Liberty (incl. its CDI, JSON-P)", ["com.ibm.", "io.openliberty.", "org.eclipse.osgi.", "org.apache.felix.",
    "org.jboss.weld.", "org.eclipse.parsson.", "org.glassfish.", "org.apache.aries.", "org.osgi."]],
  ["JDK", ["java.", "javax.", "jdk.", "sun.", "com.sun."]],
];
const componentOf = (type) => {
  for (const [name, prefixes] of components) {
    if (prefixes.some((p) => type.startsWith(p))) return name;
  }
  return "other";
};

const events = JSON.parse(fs.readFileSync(file, "utf8")).recording.events;
const frameName = (f) => `${f.method.type.name.replaceAll("/", ".")}.${f.method.name}`;
const self = new Map(), byComponent = new Map(), charged = new Map(), anywhere = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
let total = 0, truncated = 0;
for (const e of events) {
  const frames = e.values.stackTrace?.frames ?? [];
  if (frames.length === 0) continue;
  total++;
  if (e.values.stackTrace.truncated) truncated++;
  const top = frameName(frames[0]);
  bump(self, top);
  bump(byComponent, componentOf(frames[0].method.type.name.replaceAll("/", ".")));
  const caller = frames.map((f) => componentOf(f.method.type.name.replaceAll("/", "."))).find((c) => c !== "JDK");
  bump(charged, caller ?? "JDK");
  for (const c of new Set(frames.map((f) => componentOf(f.method.type.name.replaceAll("/", "."))))) bump(anywhere, c);
}

const pct = (n) => ((100 * n) / total).toFixed(1);
const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
const out = [`${total} execution samples (all threads; jdk.ExecutionSample, JFR's profile settings),`
  + ` ${truncated} of them with a truncated stack (their outer frames missing from "anywhere on the stack")`, ""];
out.push("| component | self (top frame) | self, JDK frames charged to their caller | anywhere on the stack |");
out.push("| --- | ---: | ---: | ---: |");
for (const [name] of [...components, ["other"]]) {
  out.push(`| ${name} | ${pct(byComponent.get(name) ?? 0)} % | ${name === "JDK" ? "-" : pct(charged.get(name) ?? 0) + " %"}`
    + ` | ${pct(anywhere.get(name) ?? 0)} % |`);
}
out.push("", "| top frames by self time | component | samples | share |", "| --- | --- | ---: | ---: |");
for (const [name, n] of sorted(self).slice(0, Number(process.env.TOP ?? 15))) {
  out.push(`| \`${name}\` | ${componentOf(name)} | ${n} | ${pct(n)} % |`);
}
console.log(out.join("\n"));
