/**
 * Production databases in Java SE and tests: {@link dev.authschema.database.DatabaseUrl} turns a
 * NextAuth.js-style connection string ({@code postgres://user:pass@host:5432/db?synchronize=true}) into
 * JDBC and JPA settings, and {@link dev.authschema.database.SchemaSynchronizer} brings a database up to
 * the generated DDL script by only creating and adding, never dropping.
 */
package dev.authschema.database;
