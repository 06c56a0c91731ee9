/** A counting JDBC driver in front of PostgreSQL's, so that tests and benchmarks see every statement sent. */
package dev.authschema.bench.jdbc;
