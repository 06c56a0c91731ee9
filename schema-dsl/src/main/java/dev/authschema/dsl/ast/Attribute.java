package dev.authschema.dsl.ast;

import java.util.List;
import java.util.Optional;

/**
 * A field attribute ({@code @id}, {@code @db.VarChar(255)}) or a block attribute ({@code @@map("x")}).
 * {@link #name} is written without the {@code @} signs, with its namespace if any ({@code db.VarChar}).
 * {@link #trailingComma} is where a comma after the last argument is, or null: the formatter drops it,
 * the validator reports it (Prisma rejects it).
 */
public record Attribute(
        String name, Span nameSpan, List<Argument> arguments, boolean blockLevel, Span span, Span trailingComma) {

    public Attribute {
        arguments = List.copyOf(arguments);
    }

    public Attribute(String name, Span nameSpan, List<Argument> arguments, boolean blockLevel, Span span) {
        this(name, nameSpan, arguments, blockLevel, span, null);
    }

    /** The part before the dot of a native type attribute ({@code db} in {@code @db.Text}), if any. */
    public Optional<String> namespace() {
        int dot = name.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(name.substring(0, dot));
    }

    /** The argument with this name, or else the positional argument at this index. */
    public Optional<Argument> argument(String argumentName, int position) {
        for (Argument argument : arguments) {
            if (argument.isNamed() && argument.name().name().equals(argumentName)) {
                return Optional.of(argument);
            }
        }
        int index = 0;
        for (Argument argument : arguments) {
            if (!argument.isNamed()) {
                if (index == position) {
                    return Optional.of(argument);
                }
                index++;
            }
        }
        return Optional.empty();
    }

    /** How the attribute is written, for messages: {@code @id}, {@code @@map}. */
    public String displayName() {
        return (blockLevel ? "@@" : "@") + name;
    }
}
