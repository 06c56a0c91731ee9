/** The schema language's entry point: compile schema text into a resolved schema and its diagnostics. */
package dev.authschema.dsl;
