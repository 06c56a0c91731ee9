package dev.authschema.adapter;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The immutable core of {@link UserUpdate} and {@link SessionUpdate}: which canonical properties and which extra
 * fields were set, and to what. A property that was set to {@code null} is set; one never mentioned is not.
 *
 * @param <P> the enum of the model's updatable canonical properties
 */
final class Patch<P extends Enum<P>> {

    private final Class<P> propertyType;
    private final Map<P, Object> properties;
    private final Map<String, Object> extras;

    private Patch(Class<P> propertyType, Map<P, Object> properties, Map<String, Object> extras) {
        this.propertyType = propertyType;
        this.properties = properties;
        this.extras = extras;
    }

    static <P extends Enum<P>> Patch<P> empty(Class<P> propertyType) {
        return new Patch<>(propertyType, new EnumMap<>(propertyType), Map.of());
    }

    Patch<P> with(P property, Object value) {
        Map<P, Object> copy = new EnumMap<>(propertyType);
        copy.putAll(properties);
        copy.put(Objects.requireNonNull(property, "property"), ExtraValues.normalise(value));
        return new Patch<>(propertyType, copy, extras);
    }

    Patch<P> withExtra(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extras);
        copy.put(Objects.requireNonNull(name, "extra field name"), value);
        return new Patch<>(propertyType, properties, ExtraValues.copyOf(copy));
    }

    boolean isSet(P property) {
        return properties.containsKey(property);
    }

    /** The value a set property was given; asking for one that was not set is a programming error. */
    Object get(P property) {
        if (!isSet(property)) {
            throw new IllegalStateException(property + " is not part of this update; check isSet first");
        }
        return properties.get(property);
    }

    /** The value when set, else the current one: how a partial update merges into a stored model. */
    @SuppressWarnings("unchecked")
    <T> T valueOr(P property, T current) {
        return isSet(property) ? (T) properties.get(property) : current;
    }

    Set<P> setProperties() {
        return properties.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(propertyType))
                : Collections.unmodifiableSet(EnumSet.copyOf(properties.keySet()));
    }

    Map<String, Object> extras() {
        return extras;
    }

    /** The current extras with the set ones replaced; new names are appended in the order they were set. */
    Map<String, Object> mergeExtras(Map<String, Object> current) {
        if (extras.isEmpty()) {
            return current;
        }
        Map<String, Object> merged = new LinkedHashMap<>(current);
        merged.putAll(extras);
        return ExtraValues.copyOf(merged);
    }

    boolean isEmpty() {
        return properties.isEmpty() && extras.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Patch<?> that
                && propertyType.equals(that.propertyType)
                && properties.equals(that.properties)
                && ExtraValues.equal(extras, that.extras);
    }

    @Override
    public int hashCode() {
        return properties.hashCode() * 31 + ExtraValues.hash(extras);
    }

    @Override
    public String toString() {
        return "properties=" + properties + ", extras=" + ExtraValues.toString(extras);
    }
}
