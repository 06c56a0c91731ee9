package dev.authschema.dsl.resolve;

import java.util.List;

/** A {@code @db.X(args)} attribute: the database column type asked for, e.g. {@code VarChar(255)}. */
public record NativeType(String name, List<String> arguments) {

    public NativeType {
        arguments = List.copyOf(arguments);
    }
}
