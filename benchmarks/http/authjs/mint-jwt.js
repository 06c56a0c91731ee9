// Writes one Auth.js session JWT per user to stdout, one a line: encode() from @auth/core/jwt with the cookie name
// as salt (authjs.session-token over plain HTTP), the claims Auth.js puts in a session token (sub, name, email,
// picture). The same cookies go to Liberty: the engine's JWT sessions use the same format and key derivation.
// Usage: AUTH_SECRET=... node mint-jwt.js <users file: id<TAB>name<TAB>email per line>
import { readFileSync } from "node:fs";
import { encode } from "@auth/core/jwt";

const [file] = process.argv.slice(2);
if (!file || !process.env.AUTH_SECRET) {
  console.error("usage: AUTH_SECRET=... node mint-jwt.js <users.tsv>");
  process.exit(2);
}
const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.length > 0);
const out = [];
for (const line of lines) {
  const [sub, name, email] = line.split("\t");
  out.push(await encode({
    token: { sub, name, email, picture: null, role: "MEMBER" },
    secret: process.env.AUTH_SECRET,
    salt: "authjs.session-token",
  }));
}
process.stdout.write(out.join("\n") + "\n");
