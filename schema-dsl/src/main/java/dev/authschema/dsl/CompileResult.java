package dev.authschema.dsl;

import dev.authschema.dsl.ast.SchemaFile;
import dev.authschema.dsl.diag.Diagnostic;
import dev.authschema.dsl.diag.DiagnosticRenderer;
import dev.authschema.dsl.diag.SourceText;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.util.List;
import java.util.Optional;

/**
 * What compiling a schema produced: the syntax tree (always), the resolved schema (only when there
 * are no errors) and every diagnostic in file order.
 */
public record CompileResult(
        SourceText source, SchemaFile syntax, ResolvedSchema resolvedOrNull, List<Diagnostic> diagnostics) {

    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<ResolvedSchema> schema() {
        return Optional.ofNullable(resolvedOrNull);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Every diagnostic as {@code file:line:col: error: message} with its code frame. */
    public String render() {
        return DiagnosticRenderer.render(source, diagnostics);
    }
}
