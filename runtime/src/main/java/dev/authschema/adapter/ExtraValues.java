package dev.authschema.adapter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Copying and value comparison of extra-field maps, shared by the canonical records and the patch types.
 *
 * <p>Extra values compare by value, not by Java identity: {@code byte[]} by content and {@link BigDecimal}
 * numerically, because a database hands back a new array and may return a decimal at its column's scale.
 */
final class ExtraValues {

    private ExtraValues() {}

    /**
     * An immutable copy that keeps insertion order and allows {@code null} values (a nullable extra field).
     * Instants are truncated to milliseconds and arrays are copied so that the caller cannot change them later.
     */
    static Map<String, Object> copyOf(Map<String, ?> extras) {
        if (extras == null || extras.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        extras.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "extra field name"), normalise(value)));
        return Collections.unmodifiableMap(copy);
    }

    static Object normalise(Object value) {
        if (value instanceof Instant instant) {
            return Timestamps.toMillis(instant);
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        return value;
    }

    static boolean equal(Map<String, Object> left, Map<String, Object> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (Map.Entry<String, Object> entry : left.entrySet()) {
            if (!right.containsKey(entry.getKey()) || !sameValue(entry.getValue(), right.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Consistent with {@link #equal}: the sum of key-and-value hashes, independent of order. */
    static int hash(Map<String, Object> extras) {
        int hash = 0;
        for (Map.Entry<String, Object> entry : extras.entrySet()) {
            hash += entry.getKey().hashCode() ^ valueHash(entry.getValue());
        }
        return hash;
    }

    private static boolean sameValue(Object left, Object right) {
        if (left instanceof byte[] a && right instanceof byte[] b) {
            return Arrays.equals(a, b);
        }
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(left, right);
    }

    private static int valueHash(Object value) {
        if (value instanceof byte[] bytes) {
            return Arrays.hashCode(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().hashCode();
        }
        return Objects.hashCode(value);
    }

    /** Shows arrays as their content so that a failed comparison is readable. */
    static String toString(Map<String, Object> extras) {
        StringBuilder text = new StringBuilder("{");
        extras.forEach((name, value) -> {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(name).append('=').append(value instanceof byte[] bytes ? Arrays.toString(bytes) : value);
        });
        return text.append('}').toString();
    }
}
