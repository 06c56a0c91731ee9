// Summarizes the execution samples of a JFR recording of the Liberty server under load (run-http.sh PROFILE=1), from
// `jfr print --stack-depth 256 --events jdk.ExecutionSample` (text: the JSON form of a minute's recording is too
// large for a string): self time by component (the sampled top frame), the same with JDK frames charged to the
// component that called into the JDK, the share of samples with a component anywhere on the stack, the top frames by
// self time, and the share of a few subtrees of the request.
// Usage: node report-jfr.js <samples.txt>
const fs = require("node:fs");
const readline = require("node:readline");

const file = process.argv[2];
if (!file) {
  console.error("usage: node report-jfr.js <samples.txt>");
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
    "org.jboss.weld.", "org.eclipse.parsson.", "org.glassfish.", "org.apache.aries.", "org.osgi.", "jakarta."]],
  ["JDK", ["java.", "javax.", "jdk.", "sun.", "com.sun."]],
];
const componentOf = (frame) => {
  for (const [name, prefixes] of components) {
    if (prefixes.some((p) => frame.startsWith(p))) return name;
  }
  return "other";
};
// Subtrees of one request: samples with a frame that matches the pattern on the stack, less those that also have one
// that matches the second pattern (the work a wrapper wraps, to leave the wrapper's own cost).
const subtrees = [
  ["the engine's servlet (AuthServlet.route: routing, session read, JSON)", /^dev\.authschema\.engine\.web\.AuthServlet\.route$/],
  ["- of it: the session read (DatabaseSessionStore/JwtSessionStore.read)", /^dev\.authschema\.engine\.session\.\w+SessionStore\.read$/],
  ["- of it: the adapter's getSessionAndUser (JPA, EclipseLink, JDBC)", /^dev\.authschema\.demo\.auth\.JpaAuthAdapter\.getSessionAndUser$/],
  ["- of it: EclipseLink executing the query (QueryImpl.getResultList)", /^org\.eclipse\.persistence\.internal\.jpa\.QueryImpl\.getResultList$/],
  ["- of it: the JDBC statement (PgPreparedStatement.executeQuery)", /^org\.postgresql\.jdbc\.PgPreparedStatement\.executeQuery$/],
  ["- of it: the @Transactional(SUPPORTS) interceptor around ContainerJpaWork.read, itself",
    /^com\.ibm\.tx\.jta\.cdi\.interceptors\.TransactionalInterceptor\.\w+$/, /^dev\.authschema\.jpa\.ContainerJpaWork\.read$/],
  ["- of it: the container's EntityManager for the call (JPATxEntityManager, create and close)", /^com\.ibm\.ws\.jpa\.management\.JPA\w*EntityManager\.\w+$/,
    /^org\.eclipse\.persistence\.internal\.jpa\.QueryImpl\.getResultList$/],
  ["- of it: JDBC connection from Liberty's pool", /^com\.ibm\.ws\.rsadapter\.jdbc\.WSJdbcDataSource\.getConnection$/],
  ["- of it: the JWE opened (JweSealer.openWithAnyKey)", /^dev\.authschema\.engine\.crypto\.JweSealer\.openWithAnyKey$/],
  ["- of it: JWE keys derived (JweSealer.<init>)", /^dev\.authschema\.engine\.crypto\.JweSealer\.<init>$/],
  ["- of it: JSON written (JsonText.of)", /^dev\.authschema\.engine\.web\.JsonText\.of$/],
  ["Jakarta Security for the request (JASPIC, the engine's mechanism)", /^com\.ibm\.ws\.security\.jaspi\.JaspiServiceImpl\.authenticate$/],
  ["the engine's filters (WebHardeningFilter, FormCsrfFilter), themselves",
    /^dev\.authschema\.engine\.web\.(WebHardeningFilter|forms\.FormCsrfFilter)\.doFilter$/, /^com\.ibm\.ws\.webcontainer\.filter\.WebAppFilterChain\.invokeTarget$/],
  ["CDI request context (Weld HttpContextLifecycle)", /^org\.jboss\.weld\.module\.web\.servlet\.HttpContextLifecycle\.\w+$/],
  ["the bare servlets", /^dev\.authschema\.bench\.http\./],
];

const self = new Map(), byComponent = new Map(), charged = new Map(), anywhere = new Map(), inSubtree = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
let total = 0, truncated = 0;
function sample(frames, cut) {
  if (frames.length === 0) return;
  total++;
  if (cut) truncated++;
  const kinds = frames.map(componentOf);
  bump(self, frames[0]);
  bump(byComponent, kinds[0]);
  bump(charged, kinds.find((c) => c !== "JDK") ?? "JDK");
  for (const c of new Set(kinds)) bump(anywhere, c);
  for (const [name, pattern, wrapped] of subtrees) {
    if (frames.some((f) => pattern.test(f)) && !(wrapped && frames.some((f) => wrapped.test(f)))) bump(inSubtree, name);
  }
}

async function main() {
  let frames = null, cut = false;
  for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) {
    if (/^\s*stackTrace = \[/.test(line)) {
      frames = [];
      cut = false;
    } else if (frames && /^\s*\]/.test(line)) {
      sample(frames, cut);
      frames = null;
    } else if (frames) {
      const t = line.trim();
      if (t === "...") cut = true;
      else frames.push(t.replace(/\(.*$/, ""));
    }
  }
  report();
}

const pct = (n) => ((100 * n) / total).toFixed(1);
const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
function report() {
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
out.push("", "| subtree (a frame on the stack) | share of samples |", "| --- | ---: |");
for (const [name] of subtrees) {
  if (inSubtree.get(name)) out.push(`| ${name} | ${pct(inSubtree.get(name))} % |`);
}
console.log(out.join("\n"));
}

main();
