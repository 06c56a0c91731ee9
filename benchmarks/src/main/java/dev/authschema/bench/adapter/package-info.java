/**
 * JMH benchmarks of the generated adapter against hand-written JDBC on PostgreSQL, with the round trips each operation
 * costs.
 */
package dev.authschema.bench.adapter;
