package dev.authschema.codegen.java;

import dev.authschema.codegen.JavaNames;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ResolvedModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Java property of each field of a model. {@code refresh_token} reads as {@code refreshToken}
 * unless another field already has that name, in which case it keeps its schema name.
 */
final class ModelNames {

    private final Map<String, String> properties = new HashMap<>();

    ModelNames(ResolvedModel model) {
        Set<String> taken = new HashSet<>();
        for (ResolvedField field : model.fields()) {
            taken.add(field.name());
        }
        for (ResolvedField field : model.fields()) {
            String property = JavaNames.property(field.name());
            if (!property.equals(field.name()) && taken.contains(property)) {
                property = field.name();
            }
            taken.add(property);
            properties.put(field.name(), property);
        }
    }

    String property(ResolvedField field) {
        return properties.get(field.name());
    }

    String property(String fieldName) {
        return properties.get(fieldName);
    }

    String getter(ResolvedField field) {
        return JavaNames.getter(property(field));
    }

    String setter(ResolvedField field) {
        return JavaNames.setter(property(field));
    }
}
