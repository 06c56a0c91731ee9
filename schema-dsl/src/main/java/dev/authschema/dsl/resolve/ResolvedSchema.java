package dev.authschema.dsl.resolve;

import dev.authschema.contract.Role;
import dev.authschema.dsl.ast.SchemaFile;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A valid schema with every name resolved: the input of the code generator. Ignored models
 * ({@code @@ignore}) are kept with {@code ignored = true} so tools can show them.
 *
 * @param datasource the datasource block, or null when the schema has none (Prisma allows that; the DDL of
 *                   every dialect is generated all the same)
 * @param roles the model that plays each role; a role no model plays is absent
 */
public record ResolvedSchema(
        SchemaFile syntax,
        GeneratorOptions generator,
        Datasource datasource,
        List<ResolvedModel> models,
        List<ResolvedEnum> enums,
        Map<Role, ResolvedModel> roles) {

    public ResolvedSchema {
        models = List.copyOf(models);
        enums = List.copyOf(enums);
        EnumMap<Role, ResolvedModel> ordered = new EnumMap<>(Role.class);
        ordered.putAll(roles);
        roles = Collections.unmodifiableMap(ordered);
    }

    public Optional<ResolvedModel> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<ResolvedModel> model(Role role) {
        return Optional.ofNullable(roles.get(role));
    }

    public Optional<ResolvedEnum> enumeration(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
