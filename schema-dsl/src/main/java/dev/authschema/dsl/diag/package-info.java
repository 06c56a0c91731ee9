/** Diagnostics: {@code file:line:col}, a code frame with {@code ^^^}, and "did you mean" suggestions. */
package dev.authschema.dsl.diag;
