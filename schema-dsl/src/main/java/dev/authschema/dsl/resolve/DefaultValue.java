package dev.authschema.dsl.resolve;

/** A field's {@code @default(...)}. */
public sealed interface DefaultValue {

    /** {@code autoincrement()}: the database assigns the next number. */
    record AutoIncrement() implements DefaultValue {}

    /** {@code cuid()} or {@code cuid(2)}: a collision-resistant id generated in Java before insert. */
    record Cuid(int version) implements DefaultValue {
        /** {@code cuid()}, version 1. */
        public Cuid() {
            this(1);
        }
    }

    /** {@code uuid()} (random, version 4) or {@code uuid(7)} (time-ordered): a UUID generated in Java before insert. */
    record Uuid(int version) implements DefaultValue {
        /** {@code uuid()}, version 4. */
        public Uuid() {
            this(4);
        }
    }

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
