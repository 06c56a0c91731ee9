/** The DDL of each supported dialect, with names quoted where any dialect reserves them. */
package dev.authschema.codegen.ddl;
