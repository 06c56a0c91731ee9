package dev.authschema.dsl.resolve;

/**
 * One of the datasource's {@code extensions = [...]} (PostgreSQL, the {@code postgresqlExtensions} preview feature):
 * {@code pgcrypto}, or {@code uuid_ossp(map: "uuid-ossp", schema: "extensions", version: "1.1")}.
 *
 * @param name    the name in the schema
 * @param dbName  the extension's name in the database: {@code map:}, else the name
 * @param schema  {@code schema:}, the database schema it is created in, or null
 * @param version {@code version:}, or null
 */
public record PostgresExtension(String name, String dbName, String schema, String version) {}
