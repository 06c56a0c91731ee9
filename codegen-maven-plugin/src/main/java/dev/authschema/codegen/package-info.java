/** The code generator: from a resolved schema to every generated file, pure (no I/O, no Maven). */
package dev.authschema.codegen;
