package dev.authschema.dsl.resolve;

/** A field's {@code @default(...)}. */
public sealed interface DefaultValue {

    /** {@code autoincrement()}: the database assigns the next number. */
    record AutoIncrement() implements DefaultValue {}

    /** {@code cuid()}: a collision-resistant id generated in Java before insert. */
    record Cuid() implements DefaultValue {}

    /** {@code uuid()}: a random UUID generated in Java before insert. */
    record Uuid() implements DefaultValue {}

    /** {@code nanoid()} or {@code nanoid(length)}: a Nano ID; {@code length} is null for the default 21. */
    record Nanoid(Integer length) implements DefaultValue {}

    /** {@code ulid()}: a Universally Unique Lexicographically Sortable Identifier. */
    record Ulid() implements DefaultValue {}

    /** {@code now()}: the current time at insert. */
    record Now() implements DefaultValue {}

    /** {@code dbgenerated("sql")}: a database-side expression, used as written. */
    record DbGenerated(String sql) implements DefaultValue {}

    /** A constant: {@code "user"}, {@code 0}, {@code true}, {@code 1.5}, written as in the schema. */
    record Literal(String value, ScalarType type) implements DefaultValue {}

    /** A constant of an enum field: the value's name in the schema. */
    record EnumConstant(String value) implements DefaultValue {}
}
