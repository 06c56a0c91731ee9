/** Writes the large schemas that schema-dsl's compile benchmark and Prisma's validator both read. */
package dev.authschema.bench.schema;
