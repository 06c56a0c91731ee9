package dev.authschema.dsl.format;

import dev.authschema.dsl.diag.Diagnostic;
import dev.authschema.dsl.diag.DiagnosticRenderer;
import dev.authschema.dsl.diag.SourceText;
import java.util.List;
import java.util.Optional;

/**
 * What formatting a schema produced: the formatted text, or null when the file was refused (it has
 * syntax errors, or formatting would have lost a comment), and the diagnostics that explain why.
 */
public record FormatResult(SourceText source, String formattedOrNull, List<Diagnostic> diagnostics) {

    public FormatResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<String> formatted() {
        return Optional.ofNullable(formattedOrNull);
    }

    public boolean isFormatted() {
        return formattedOrNull != null;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Whether the formatted text differs from the input; false when the file was refused. */
    public boolean changed() {
        return formattedOrNull != null && !formattedOrNull.equals(source.text());
    }

    /** Every diagnostic as {@code file:line:col: error: message} with its code frame. */
    public String render() {
        return DiagnosticRenderer.render(source, diagnostics);
    }
}
