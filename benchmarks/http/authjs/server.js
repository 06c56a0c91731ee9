// The reference of the HTTP benchmark: Auth.js itself serving GET /api/auth/session on node, nothing else.
// A plain node http server turns each request into a Fetch Request and hands it to Auth(request, config) from
// @auth/core, with @auth/pg-adapter on the benchmark database. Settings (environment):
//   PORT (26000), WORKERS (node processes sharing the port through node:cluster, default 1),
//   AUTH_SESSION_STRATEGY (database | jwt), AUTH_SECRET, PGHOST/PGPORT/PGUSER/PGDATABASE (read by pg itself),
//   POOL_SIZE (connections per worker, default 20: the Liberty data source's maxPoolSize).
import cluster from "node:cluster";
import http from "node:http";
import { Auth } from "@auth/core";
import PostgresAdapter from "@auth/pg-adapter";
import pg from "pg";

const port = Number(process.env.PORT ?? 26000);
const workers = Number(process.env.WORKERS ?? 1);
const strategy = process.env.AUTH_SESSION_STRATEGY ?? "database";
const poolSize = Number(process.env.POOL_SIZE ?? 20);

if (!["database", "jwt"].includes(strategy)) {
  console.error(`AUTH_SESSION_STRATEGY must be 'database' or 'jwt', not '${strategy}'`);
  process.exit(2);
}
if (!process.env.AUTH_SECRET) {
  console.error("AUTH_SECRET is required (the same secret as the Liberty side)");
  process.exit(2);
}
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`WORKERS must be a positive integer, not '${process.env.WORKERS}'`);
  process.exit(2);
}

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    console.error(`worker ${worker.process.pid} exited with ${code}`);
    process.exit(1);
  });
} else {
  const pool = strategy === "database" ? new pg.Pool({ max: poolSize }) : null;
  // An idle connection the server ends (e.g. another user restarting PostgreSQL) is dropped by the pool; without
  // this listener node would exit on it.
  pool?.on("error", (e) => console.error(`idle database connection lost: ${e.message}`));
  const config = {
    secret: process.env.AUTH_SECRET,
    trustHost: true,
    // next-auth's default; @auth/core alone would use /auth.
    basePath: "/api/auth",
    providers: [],
    session: { strategy },
    ...(pool ? { adapter: PostgresAdapter(pool) } : {}),
  };

  const server = http.createServer(async (req, res) => {
    try {
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers: req.headers,
      });
      const response = await Auth(request, config);
      const headers = {};
      response.headers.forEach((value, name) => {
        if (name !== "set-cookie") headers[name] = value;
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) headers["set-cookie"] = cookies;
      res.writeHead(response.status, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      console.error(e);
      res.writeHead(500).end();
    }
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, "127.0.0.1", () => {
    console.log(`Auth.js (${strategy} sessions) on http://127.0.0.1:${port}/api/auth/session, pid ${process.pid}`);
  });
}
