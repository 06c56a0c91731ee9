package dev.authschema.codegen.contract;

import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Where the runtime's public face and the contract table disagree, one line per difference, naming the property. */
final class ContractDrift {

    /** The trailing component of the records of roles that carry extra fields. */
    private static final String EXTRAS = "extras";

    private ContractDrift() {}

    /** The record's components, in order and by type, against the role's properties that the table puts in it. */
    static List<String> record(Role role, Class<? extends Record> record) {
        List<String> differences = new ArrayList<>();
        List<RecordComponent> components = new ArrayList<>(Arrays.asList(record.getRecordComponents()));
        if (!components.isEmpty()
                && components.get(components.size() - 1).getName().equals(EXTRAS)
                && components.get(components.size() - 1).getType() == Map.class) {
            components.remove(components.size() - 1);
        }
        List<CanonicalProperty> properties = CanonicalProperty.recordComponents(role);
        for (int i = 0; i < Math.max(components.size(), properties.size()); i++) {
            RecordComponent component = i < components.size() ? components.get(i) : null;
            CanonicalProperty property = i < properties.size() ? properties.get(i) : null;
            String where = record.getSimpleName() + " component " + (i + 1);
            if (property == null) {
                differences.add(where + " '" + component.getName() + "' has no property of role " + role
                        + " in the contract table");
            } else if (component == null) {
                differences.add(
                        where + ": the table's " + property + " (" + accessor(property) + ") is missing in the record");
            } else if (!component.getName().equals(accessor(property))) {
                differences.add(where + " is '" + component.getName() + "' but the table's " + property + " is '"
                        + accessor(property) + "' there");
            } else if (!fits(component.getType(), property)) {
                differences.add(where + " '" + component.getName() + "' is a "
                        + component.getType().getSimpleName()
                        + " but the table's " + property + " holds " + property.type() + " ("
                        + property.type().javaType().getSimpleName() + ")");
            }
        }
        return differences;
    }

    /** The constants of an update's {@code Property} enum against the role's updatable properties. */
    static List<String> update(Role role, Class<? extends Enum<?>> updateProperty) {
        List<String> expected = CanonicalProperty.updatable(role).stream()
                .map(CanonicalProperty::updateConstant)
                .toList();
        return constants(updateProperty.getEnclosingClass().getSimpleName() + ".Property", updateProperty, expected);
    }

    /** Constant names, in order: those missing on either side, or the first two in another order. */
    static List<String> constants(String what, Class<? extends Enum<?>> type, List<String> expected) {
        List<String> actual =
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        List<String> differences = new ArrayList<>();
        expected.stream()
                .filter(name -> !actual.contains(name))
                .forEach(name -> differences.add(what + " has no " + name + ", which the contract table has"));
        actual.stream()
                .filter(name -> !expected.contains(name))
                .forEach(name -> differences.add(what + " has " + name + ", which the contract table does not have"));
        if (differences.isEmpty() && !actual.equals(expected)) {
            differences.add(what + " lists " + actual + " but the contract table's order is " + expected);
        }
        return differences;
    }

    private static String accessor(CanonicalProperty property) {
        return property.accessor().orElseThrow();
    }

    /** The table's Java type, or its primitive for a required property ({@code long counter}). */
    private static boolean fits(Class<?> type, CanonicalProperty property) {
        Class<?> boxed = property.type().javaType();
        return type == boxed || (property.isRequired() && type.isPrimitive() && boxed == box(type));
    }

    private static Class<?> box(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "long" -> Long.class;
            case "boolean" -> Boolean.class;
            case "int" -> Integer.class;
            default -> primitive;
        };
    }
}
