package dev.authschema.dsl.ast;

/** An attribute or function argument: positional ({@code name == null}) or named ({@code fields: [a]}). */
public record Argument(Identifier name, Expression value, Span span) {

    public boolean isNamed() {
        return name != null;
    }
}
