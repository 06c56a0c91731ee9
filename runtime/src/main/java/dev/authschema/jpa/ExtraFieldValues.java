package dev.authschema.jpa;

import dev.authschema.adapter.AdapterException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Reads a value of an extra field out of an adapter record's extras, checked against the field's
 * Java type, so a wrong value fails with a message naming the model and the field instead of a
 * {@code ClassCastException} deep inside JPA. Lossless widenings (an {@code Integer} for a
 * {@code Long}, any number for a {@code BigDecimal}) are accepted.
 */
public final class ExtraFieldValues {

    private ExtraFieldValues() {}

    /** The value of {@code field} as a {@code type}; null when the value is null. */
    public static <T> T get(Map<String, ?> extras, String model, String field, Class<T> type) {
        Object value = extras.get(field);
        if (value == null || type.isInstance(value)) {
            return type.cast(value == null ? null : normalise(value));
        }
        Object widened = widen(value, type);
        if (widened == null) {
            throw new AdapterException("The extra field `" + field + "` of " + model + " holds " + type.getSimpleName()
                    + " values, but was given a " + value.getClass().getSimpleName() + ".");
        }
        return type.cast(widened);
    }

    /** An enum field given as the constant's name (or as the constant itself). */
    public static <E extends Enum<E>> E enumValue(Map<String, ?> extras, String model, String field, Class<E> type) {
        Object value = extras.get(field);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof String name) {
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                throw new AdapterException("The extra field `" + field + "` of " + model + " takes one of "
                        + java.util.Arrays.toString(type.getEnumConstants()) + ", but was given \"" + name + "\".");
            }
        }
        throw new AdapterException(
                "The extra field `" + field + "` of " + model + " takes the name of a " + type.getSimpleName()
                        + " constant, but was given a " + value.getClass().getSimpleName() + ".");
    }

    private static Object normalise(Object value) {
        return value instanceof Instant instant ? instant.truncatedTo(ChronoUnit.MILLIS) : value;
    }

    private static Object widen(Object value, Class<?> type) {
        if (type == Long.class && (value instanceof Integer || value instanceof Short || value instanceof Byte)) {
            return ((Number) value).longValue();
        }
        if (type == Double.class && (value instanceof Float || value instanceof Integer || value instanceof Short)) {
            return ((Number) value).doubleValue();
        }
        if (type == BigDecimal.class
                && (value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
            return new BigDecimal(value.toString());
        }
        if (type == BigDecimal.class && (value instanceof Double || value instanceof Float)) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return null;
    }
}
