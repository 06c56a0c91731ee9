package dev.authschema.dsl.ast;

import java.util.List;

/** A value on the right of {@code =} or inside an attribute's parentheses. */
public sealed interface Expression {

    Span span();

    /** A string literal, {@code value} with its escapes decoded. */
    record StringLiteral(String value, Span span) implements Expression {}

    /** A number as written ({@code 42}, {@code -1}, {@code 1.5}). */
    record NumberLiteral(String text, Span span) implements Expression {}

    /** A bare word: {@code true}, {@code Cascade}, {@code Desc}, an enum value, a field name. */
    record Constant(String name, Span span) implements Expression {}

    /** {@code name(args)}: {@code now()}, {@code env("DATABASE_URL")}, {@code dbgenerated("..")}. */
    record FunctionCall(Identifier name, List<Argument> arguments, Span span) implements Expression {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * {@code [a, b]}. The parser also reads the forms Prisma refuses, so that the formatter can repair them; the
     * validator reports them.
     *
     * @param trailingComma the comma after the last item ({@code [a,]}), or {@code null}
     * @param lineBreak     the first line break inside the brackets, or {@code null}
     */
    record ArrayLiteral(List<Expression> items, Span span, Span trailingComma, Span lineBreak) implements Expression {
        public ArrayLiteral {
            items = List.copyOf(items);
        }

        /** A list on one line without a trailing comma, as Prisma writes it. */
        public ArrayLiteral(List<Expression> items, Span span) {
            this(items, span, null, null);
        }
    }
}
