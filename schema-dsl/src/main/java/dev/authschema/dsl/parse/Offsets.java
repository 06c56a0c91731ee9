package dev.authschema.dsl.parse;

import dev.authschema.dsl.ast.Span;
import dev.authschema.dsl.diag.SourceText;
import org.antlr.v4.runtime.Token;

/**
 * ANTLR counts code points; Java strings count UTF-16 units. They differ only when the text holds
 * characters outside the BMP (an emoji in a comment), and only then is a table needed.
 */
final class Offsets {

    private final int[] charOffsetOfCodePoint;

    private Offsets(int[] table) {
        this.charOffsetOfCodePoint = table;
    }

    static Offsets of(String text) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            return new Offsets(null);
        }
        int[] table = new int[codePoints + 1];
        int charIndex = 0;
        for (int i = 0; i < codePoints; i++) {
            table[i] = charIndex;
            charIndex += Character.charCount(text.codePointAt(charIndex));
        }
        table[codePoints] = charIndex;
        return new Offsets(table);
    }

    int toChar(int codePointIndex) {
        if (charOffsetOfCodePoint == null) {
            return codePointIndex;
        }
        return charOffsetOfCodePoint[Math.min(Math.max(codePointIndex, 0), charOffsetOfCodePoint.length - 1)];
    }

    /** The span from the start of {@code first} to the end of {@code last}. */
    Span span(SourceText source, Token first, Token last) {
        int start = toChar(first.getStartIndex());
        int end = last.getType() == Token.EOF ? start : toChar(last.getStopIndex() + 1);
        return source.span(start, Math.max(start, end));
    }
}
