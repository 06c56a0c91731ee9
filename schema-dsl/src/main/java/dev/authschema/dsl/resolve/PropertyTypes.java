package dev.authschema.dsl.resolve;

import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.ValueType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The scalar types a field may have to carry a canonical property: the contract's value kinds in schema terms. */
final class PropertyTypes {

    private PropertyTypes() {}

    static Set<ScalarType> of(ValueType type) {
        return switch (type) {
            case ID -> EnumSet.of(ScalarType.STRING, ScalarType.INT, ScalarType.BIGINT);
            case TEXT -> EnumSet.of(ScalarType.STRING);
            case INSTANT -> EnumSet.of(ScalarType.DATETIME);
            case INTEGER -> EnumSet.of(ScalarType.INT, ScalarType.BIGINT);
            case FLAG -> EnumSet.of(ScalarType.BOOLEAN);
        };
    }

    /** The types a field bound to the property may have; {@code legacyName} when it is bound by its v3 name. */
    static Set<ScalarType> accepted(CanonicalProperty property, boolean legacyName) {
        return of(property.type(legacyName));
    }

    /** "String, Int or BigInt": the allowed types for a message. */
    static String describe(CanonicalProperty property, boolean legacyName) {
        List<String> names = accepted(property, legacyName).stream()
                .map(ScalarType::schemaName)
                .toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
