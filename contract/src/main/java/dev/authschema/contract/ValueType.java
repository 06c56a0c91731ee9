package dev.authschema.contract;

import java.time.Instant;

/**
 * What a canonical property holds. The schema language decides which of its scalar types may carry each kind
 * (an {@link #ID} may be a {@code String}, {@code Int} or {@code BigInt} field); the runtime records hold the
 * Java type given here.
 */
public enum ValueType {
    /** A key: {@code String} in the records whatever the column holds. */
    ID(String.class),
    TEXT(String.class),
    /** A point in time, millisecond precision. */
    INSTANT(Instant.class),
    /** A whole number: a counter, or epoch seconds. */
    INTEGER(Long.class),
    FLAG(Boolean.class);

    private final Class<?> javaType;

    ValueType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The type of the record component; a required property may use its primitive ({@code long}, {@code boolean}). */
    public Class<?> javaType() {
        return javaType;
    }
}
