package dev.authschema.dsl.diag;

import dev.authschema.dsl.ast.Span;
import java.util.Arrays;

/** A schema file's name and text, with the line index that turns offsets into lines and columns. */
public final class SourceText {

    private final String fileName;
    private final String text;
    private final int[] lineStarts;

    public SourceText(String fileName, String text) {
        this.fileName = fileName;
        this.text = text;
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    public String fileName() {
        return fileName;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The 1-based line that holds this offset (an offset at the very end belongs to the last line). */
    public int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), text.length()));
        return (index >= 0 ? index : -index - 2) + 1;
    }

    /** The text of a 1-based line, without its line break. */
    public String line(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }

    /** The span of {@code [start, end)}, clamped to the text, with its line and column. */
    public Span span(int start, int end) {
        int from = Math.min(Math.max(start, 0), text.length());
        int to = Math.min(Math.max(end, from), text.length());
        int line = lineOf(from);
        return new Span(from, to, line, from - lineStarts[line - 1] + 1);
    }
}
