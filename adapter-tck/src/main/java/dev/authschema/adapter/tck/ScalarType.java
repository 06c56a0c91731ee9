package dev.authschema.adapter.tck;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The scalar types of the schema language, each with two sample values the kit stores in an extra field of that
 * type: the value a model is created with and the value an update changes it to. The Java types follow the SPI's
 * mapping (see {@code dev.authschema.adapter}).
 *
 * <p>The samples are chosen to survive every supported database unchanged: decimals have two fraction digits,
 * floats are exact in binary, instants are whole milliseconds, and the JSON text is already in the normal form that
 * PostgreSQL {@code jsonb} and MySQL {@code JSON} print back. If a column is narrower than these values, describe
 * that field with {@link ExtraField#withValues} instead. An {@code enum} field has no fixed samples: describe it with
 * {@link ExtraField#ofEnum} and two of its constants.
 */
public enum ScalarType {
    /** {@code String}: a {@link String}, with non-ASCII characters. */
    STRING("Grüße, 世界 ✓", "changed"),
    /** {@code Int}: an {@link Integer}. */
    INT(2_147_483_000, -7),
    /** {@code BigInt}: a {@link Long} beyond the 53 bits a JavaScript number keeps exactly. */
    BIG_INT(9_007_199_254_740_993L, -1L),
    /** {@code Float}: a {@link Double}. */
    FLOAT(1234.5, -0.25),
    /** {@code Decimal}: a {@link BigDecimal}. */
    DECIMAL(new BigDecimal("98765.43"), new BigDecimal("-0.01")),
    /** {@code Boolean}: a {@link Boolean}. */
    BOOLEAN(true, false),
    /** {@code DateTime}: an {@link Instant} with milliseconds. */
    DATE_TIME(Instant.parse("2001-02-03T04:05:06.789Z"), Instant.parse("1999-12-31T23:59:59.999Z")),
    /** {@code Json}: the JSON text as a {@link String}. */
    JSON("{\"theme\": \"dark\"}", "[1, 2, 3]"),
    /** {@code Bytes}: a {@code byte[]} with every sign of byte. */
    BYTES(new byte[] {0, 1, 127, -128, -1}, new byte[] {42});

    private final Object sample;
    private final Object changed;

    ScalarType(Object sample, Object changed) {
        this.sample = sample;
        this.changed = changed;
    }

    /**
     * @return the value a model is created with
     */
    public Object sample() {
        return copy(sample);
    }

    /**
     * @return a different value an update sets
     */
    public Object changed() {
        return copy(changed);
    }

    // Arrays are mutable: hand out a fresh one so that no test can spoil the sample for another.
    private static Object copy(Object value) {
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }
}
