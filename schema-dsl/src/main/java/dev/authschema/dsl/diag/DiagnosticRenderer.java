package dev.authschema.dsl.diag;

import dev.authschema.dsl.ast.Span;
import java.util.List;

/**
 * Renders diagnostics the way compilers do:
 * <pre>
 * auth.prisma:12:9: error: Type "Strin" is neither a built-in type, nor refers to another model or enum.
 *    |
 * 11 |   id    String @id
 * 12 |   name  Strin?
 *    |         ^^^^^ did you mean `String`?
 * 13 | }
 * </pre>
 */
public final class DiagnosticRenderer {

    private DiagnosticRenderer() {}

    public static String render(SourceText source, List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics) {
            render(source, diagnostic, out);
        }
        return out.toString();
    }

    public static String render(SourceText source, Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        render(source, diagnostic, out);
        return out.toString();
    }

    private static void render(SourceText source, Diagnostic diagnostic, StringBuilder out) {
        Span span = diagnostic.span();
        out.append(source.fileName())
                .append(':')
                .append(span.line())
                .append(':')
                .append(span.column())
                .append(": ")
                .append(diagnostic.severity().label())
                .append(": ")
                .append(diagnostic.message())
                .append('\n');

        int line = span.line();
        int first = Math.max(1, line - 1);
        int last = Math.min(source.lineCount(), line + 1);
        int gutter = String.valueOf(last).length();
        String blank = " ".repeat(gutter) + " |";
        out.append(blank).append('\n');
        for (int n = first; n <= last; n++) {
            String text = source.line(n);
            out.append(pad(n, gutter))
                    .append(" |")
                    .append(text.isEmpty() ? "" : " " + text)
                    .append('\n');
            if (n == line) {
                out.append(blank)
                        .append(' ')
                        .append(underline(text, span))
                        .append(hint(diagnostic))
                        .append('\n');
            }
        }
    }

    /** Spaces (tabs kept, so it lines up) up to the span's column, then {@code ^} to its end on that line. */
    private static String underline(String lineText, Span span) {
        int from = Math.min(span.column() - 1, lineText.length());
        int width = Math.max(1, Math.min(span.length(), lineText.length() - from));
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < from; i++) {
            marks.append(lineText.charAt(i) == '\t' ? '\t' : ' ');
        }
        return marks.append("^".repeat(width)).toString();
    }

    private static String hint(Diagnostic diagnostic) {
        return diagnostic.hint() == null ? "" : " " + diagnostic.hint();
    }

    private static String pad(int number, int width) {
        String text = String.valueOf(number);
        return " ".repeat(width - text.length()) + text;
    }
}
