package dev.authschema.dsl.ast;

import java.util.List;

/**
 * A field's type reference as written. {@code unsupportedArguments} is non-empty only for Prisma's
 * {@code Unsupported("...")} type.
 */
public record FieldType(
        Identifier name, TypeModifier modifier, List<Argument> unsupportedArguments, boolean hasArguments, Span span) {

    public FieldType {
        unsupportedArguments = List.copyOf(unsupportedArguments);
    }

    public boolean isOptional() {
        return modifier == TypeModifier.OPTIONAL;
    }

    public boolean isList() {
        return modifier == TypeModifier.LIST || modifier == TypeModifier.OPTIONAL_LIST;
    }

    @Override
    public String toString() {
        return name.name() + modifier.suffix();
    }
}
