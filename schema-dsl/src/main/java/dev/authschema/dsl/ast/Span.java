package dev.authschema.dsl.ast;

/**
 * A region of a schema file: character offsets {@code [start, end)} and the 1-based line and column of
 * {@code start}. Columns count characters (a tab is one column), as editors and Prisma do.
 */
public record Span(int start, int end, int line, int column) {

    public Span {
        if (start < 0 || end < start || line < 1 || column < 1) {
            throw new IllegalArgumentException("invalid span " + start + ".." + end + " at " + line + ":" + column);
        }
    }

    /** The smallest span that covers both. */
    public Span to(Span other) {
        return other.start < start ? other.to(this) : new Span(start, Math.max(end, other.end), line, column);
    }

    public int length() {
        return end - start;
    }
}
