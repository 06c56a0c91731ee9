package dev.authschema.dsl.parse;

import dev.authschema.dsl.ast.Span;
import dev.authschema.dsl.diag.Diagnostics;
import org.antlr.v4.runtime.Token;

/** Decodes a string literal's JSON escapes ({@code \" \\ \/ \b \f \n \r \t \u00e9}). */
final class StringLiterals {

    private StringLiterals() {}

    static String decode(Token token, Span span, Diagnostics diagnostics) {
        String raw = token.getText();
        String body = raw.substring(1, raw.length() - 1);
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = body.charAt(++i);
            switch (escape) {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 < body.length() + 1
                            && body.substring(i + 1, Math.min(body.length(), i + 5))
                                    .matches("[0-9a-fA-F]{4}")) {
                        out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        diagnostics.error(
                                escapeSpan(diagnostics, span, i, 2),
                                "Invalid unicode escape: `\\u` must be followed by four hex digits.");
                    }
                }
                default ->
                    diagnostics.error(
                            escapeSpan(diagnostics, span, i, 2),
                            "Unknown escape sequence `\\" + escape + "` in a string: use `\\\\` for a backslash.");
            }
        }
        return out.toString();
    }

    /** The span of the escape whose letter is at {@code index} of the body (the quote is at span.start). */
    private static Span escapeSpan(Diagnostics diagnostics, Span literal, int index, int length) {
        int start = literal.start() + index; // +1 for the opening quote, -1 for the backslash
        return diagnostics.source().span(start, start + length);
    }
}
