/** The formatter: {@code prisma format}'s layout for a schema file. */
package dev.authschema.dsl.format;
