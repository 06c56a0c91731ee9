// Turns the wrk outputs of run-http.sh (benchmarks/target/http-run/*.txt) into the README's tables: per strategy
// and server the median over the rounds of throughput, p50 and p99, the ratios of Liberty to each Auth.js, and of the
// engine to the bare reference servlet on the same server (issue 20's targets).
// Usage: node report-http.js <run directory>
const fs = require("node:fs");
const path = require("node:path");

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node report-http.js <run directory>");
  process.exit(2);
}

const millis = (text) => {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  if (!m) throw new Error(`not a wrk latency: ${text}`);
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60000 }[m[2]];
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function parse(file) {
  const text = fs.readFileSync(file, "utf8");
  const rps = Number(/^Requests\/sec:\s+([\d.]+)/m.exec(text)[1]);
  const requests = Number(/^\s+(\d+) requests in/m.exec(text)[1]);
  const p50 = millis(/^\s+50%\s+(\S+)/m.exec(text)[1]);
  const p99 = millis(/^\s+99%\s+(\S+)/m.exec(text)[1]);
  const load = /load average: ([\d.]+)/.exec(text)[1];
  const cpu = Number(/^server cpu seconds: ([\d.]+)/m.exec(text)?.[1] ?? NaN);
  return { rps, requests, p50, p99, load, cpuMs: (cpu * 1000) / requests };
}

const runs = {};
for (const name of fs.readdirSync(dir)) {
  const m = /^(database|jwt)-(warmup-)?(liberty|before|bare|authjs|authjs-cluster)(?:-(\d+))?\.txt$/.exec(name);
  if (!m) continue;
  const [, strategy, warmup, target, round] = m;
  const r = { ...parse(path.join(dir, name)), warmup: !!warmup, round: Number(round ?? 0) };
  ((runs[strategy] ??= {})[target] ??= []).push(r);
}

const labels = {
  liberty: "Liberty (demo WAR)",
  before: "Liberty (demo WAR before the change, /before)",
  bare: "bare servlet, same Liberty",
  authjs: "Auth.js, 1 node process",
  "authjs-cluster": "Auth.js, node:cluster",
};
const fmt = (x, d = 1) => x.toFixed(d);
const out = [];
for (const strategy of ["database", "jwt"]) {
  const byTarget = runs[strategy];
  if (!byTarget) continue;
  out.push(`### ${strategy} sessions`, "");
  out.push("| server | req/s (median) | p50 ms | p99 ms | server CPU ms / request | req/s per round | load avg (1 min) before each round |");
  out.push("| --- | ---: | ---: | ---: | ---: | --- | --- |");
  const med = {};
  for (const target of Object.keys(labels)) {
    const rounds = (byTarget[target] ?? []).filter((r) => !r.warmup).sort((a, b) => a.round - b.round);
    if (rounds.length === 0) continue;
    med[target] = {
      rps: median(rounds.map((r) => r.rps)),
      p50: median(rounds.map((r) => r.p50)),
      p99: median(rounds.map((r) => r.p99)),
      cpuMs: median(rounds.map((r) => r.cpuMs)),
      rounds,
    };
    out.push(`| ${labels[target]} | ${fmt(med[target].rps, 0)} | ${fmt(med[target].p50, 2)} | ${fmt(med[target].p99, 2)} | ${fmt(med[target].cpuMs, 3)}`
      + ` | ${rounds.map((r) => fmt(r.rps, 0)).join(" / ")} | ${rounds.map((r) => r.load).join(" / ")} |`);
  }
  out.push("");
  if (med.liberty && med.bare) {
    // Issue 20: the engine against what one would write by hand, on the same server, data source and cookies.
    const perRound = med.liberty.rounds.map((r, i) => r.rps / med.bare.rounds[i].rps);
    const minimum = strategy === "database" ? 0.8 : 0.9;
    const throughput = med.liberty.rps / med.bare.rps, p99 = med.liberty.p99 / med.bare.p99;
    out.push(`- Engine / bare (${strategy === "database" ? "one prepared statement" : "Nimbus, key derived once"}):`
      + ` throughput ${fmt(throughput, 2)}x (per round ${perRound.map((x) => fmt(x, 2)).join(", ")}; target >= ${minimum}x:`
      + ` ${throughput >= minimum ? "met" : "missed"}), p50 ${fmt(med.liberty.p50 / med.bare.p50, 2)}x,`
      + ` p99 ${fmt(p99, 2)}x (${fmt(med.liberty.p99, 2)} vs ${fmt(med.bare.p99, 2)} ms; target <= 1.5x:`
      + ` ${p99 <= 1.5 ? "met" : "missed"}), CPU per request ${fmt(med.liberty.cpuMs / med.bare.cpuMs, 2)}x`);
  }
  if (med.before && med.bare) {
    const perRound = med.before.rounds.map((r, i) => r.rps / med.bare.rounds[i].rps);
    out.push(`- Engine before the change / bare: throughput ${fmt(med.before.rps / med.bare.rps, 2)}x`
      + ` (per round ${perRound.map((x) => fmt(x, 2)).join(", ")}), p99 ${fmt(med.before.p99 / med.bare.p99, 2)}x,`
      + ` CPU per request ${fmt(med.before.cpuMs / med.bare.cpuMs, 2)}x`);
  }
  if (med.liberty && med.before) {
    const perRound = med.liberty.rounds.map((r, i) => r.rps / med.before.rounds[i].rps);
    out.push(`- Engine after / before the change: throughput ${fmt(med.liberty.rps / med.before.rps, 2)}x`
      + ` (per round ${perRound.map((x) => fmt(x, 2)).join(", ")}), p99 ${fmt(med.liberty.p99 / med.before.p99, 2)}x,`
      + ` CPU per request ${fmt(med.liberty.cpuMs / med.before.cpuMs, 2)}x`);
  }
  for (const ref of ["authjs", "authjs-cluster"]) {
    if (!med.liberty || !med[ref]) continue;
    const perRound = med.liberty.rounds.map((r, i) => r.rps / med[ref].rounds[i].rps);
    out.push(`- Liberty / ${labels[ref]}: throughput ${fmt(med.liberty.rps / med[ref].rps, 2)}x`
      + ` (per round ${perRound.map((x) => fmt(x, 2)).join(", ")}),`
      + ` p99 ${fmt(med.liberty.p99, 1)} vs ${fmt(med[ref].p99, 1)} ms`
      + ` (${med.liberty.p99 < med[ref].p99 ? "lower" : "higher"}),`
      + ` CPU per request ${fmt(med.liberty.cpuMs / med[ref].cpuMs, 2)}x`);
  }
  out.push("");
}

// Index scans per request from pg_stat_user_indexes, over every database-session run (warm-ups included).
const before = path.join(dir, "index-scans-before.txt");
const after = path.join(dir, "index-scans-after.txt");
if (fs.existsSync(before) && fs.existsSync(after)) {
  const read = (f) => Object.fromEntries(fs.readFileSync(f, "utf8").trim().split("\n").map((l) => {
    const [name, n] = l.trim().split(/\s+/);
    return [name, Number(n)];
  }));
  const b = read(before), a = read(after);
  const total = (targets) => targets.flatMap((t) => runs.database?.[t] ?? []).reduce((s, r) => s + r.requests, 0);
  const liberty = total(["liberty", "before", "bare"]), authjs = total(["authjs", "authjs-cluster"]);
  const per = (name, n) => fmt((a[name] - b[name]) / n, 2);
  out.push("Index scans per request (database sessions, pg_stat_user_indexes over all runs):", "");
  out.push(`- Liberty (engine and bare reference): session token index ${per("demo_login_sessions_session_token_key", liberty)},`
    + ` member primary key ${per("demo_members_pkey", liberty)} (${liberty} requests)`);
  if (authjs > 0) {
    out.push(`- Auth.js: session token index ${per("sessions_session_token_key", authjs)},`
      + ` user primary key ${per("users_pkey", authjs)} (${authjs} requests)`);
  }
  out.push("");
}
console.log(out.join("\n"));
