package dev.authschema.dsl.ast;

/** What a schema file consists of, in order: blocks, and the comments and blank lines between them. */
public sealed interface TopLevel permits Block, TopLevel.Comment, TopLevel.BlankLine {

    Span span();

    /** A comment between blocks, text including its slashes. */
    record Comment(String text, Span span) implements TopLevel {}

    /** An empty line between blocks. */
    record BlankLine(Span span) implements TopLevel {}
}
