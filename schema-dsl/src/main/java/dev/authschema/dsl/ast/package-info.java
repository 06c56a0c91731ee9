/** The syntax tree of a schema file as immutable records, with source positions. */
package dev.authschema.dsl.ast;
