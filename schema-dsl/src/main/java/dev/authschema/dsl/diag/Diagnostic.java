package dev.authschema.dsl.diag;

import dev.authschema.dsl.ast.Span;

/**
 * One finding about a schema: what is wrong, exactly where, and, when one fits, a hint such as
 * "did you mean `String`?" (null when there is none).
 */
public record Diagnostic(Severity severity, String message, Span span, String hint) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
