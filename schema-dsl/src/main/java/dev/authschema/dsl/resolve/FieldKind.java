package dev.authschema.dsl.resolve;

/** What a field's type refers to. */
public enum FieldKind {
    /** A built-in scalar: {@code String}, {@code DateTime}, ... */
    SCALAR,
    /** An enum declared in the schema. */
    ENUM,
    /** Another model: the field is one side of a relation. */
    RELATION
}
