/**
 * The bare references of the HTTP benchmark (issue 20): what one would write by hand for {@code GET /api/auth/session}
 * without the engine, packed by {@code -Pbenchmark-http} into a WAR of their own ({@code authschema-bench-bare.war},
 * context {@code /bare}) next to the demo WAR. Never in the runtime jar or the demo WAR.
 */
package dev.authschema.bench.http;
