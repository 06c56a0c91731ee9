/**
 * The parser (ANTLR grammar) from schema text to the syntax tree, recovering after errors so that all come out in one
 * pass.
 */
package dev.authschema.dsl.parse;
