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

    /** {@code [a, b]}. */
    record ArrayLiteral(List<Expression> items, Span span) implements Expression {
        public ArrayLiteral {
            items = List.copyOf(items);
        }
    }
}
