package dev.authschema.dsl.resolve;

import dev.authschema.contract.Role;
import dev.authschema.dsl.ast.Block;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the resolver has learned about one model so far; turned into a {@link ResolvedModel} at the end. */
final class ModelInfo {

    final Block declaration;
    final String name;
    final Map<String, FieldInfo> fields = new LinkedHashMap<>();
    List<String> compoundId = List.of();
    /** The primary key's fields with their sort orders and prefix lengths ({@code @id(sort: Desc)}, ...). */
    List<Index.Column> primaryKeyColumns = List.of();

    String primaryKeyName;
    /** Where the primary key, each unique constraint and each index is declared, for messages about their names. */
    dev.authschema.dsl.ast.Span primaryKeySpan;

    final Map<Object, dev.authschema.dsl.ast.Span> constraintSpans = new java.util.IdentityHashMap<>();
    final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    /** {@code @@fulltext([..])} (MySQL and MariaDB). */
    final List<Index> fulltextIndexes = new ArrayList<>();

    String mappedName;
    boolean ignored;
    /** {@code @@schema("name")} (multiSchema), or null. */
    String schema;
    /** An id or unique attribute was invalid: rules about missing unique criteria would only echo that error. */
    boolean constraintErrors;

    Role role;
    String tableName;

    ModelInfo(Block declaration) {
        this.declaration = declaration;
        this.name = declaration.name().name();
    }

    Optional<FieldInfo> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    /** The fields of {@code @id} or {@code @@id}. */
    List<String> primaryKey() {
        if (!compoundId.isEmpty()) {
            return compoundId;
        }
        return fields.values().stream().filter(f -> f.id).map(f -> f.name).toList();
    }

    /** Whether these fields, in any order, are the primary key or a unique constraint. */
    boolean isUniqueCriterion(List<String> fieldNames) {
        Set<String> wanted = new HashSet<>(fieldNames);
        if (new HashSet<>(primaryKey()).equals(wanted)) {
            return true;
        }
        return uniqueConstraints.stream().anyMatch(u -> new HashSet<>(u.fields()).equals(wanted));
    }

    /** Whether the single field is unique on its own. */
    boolean isUnique(String fieldName) {
        return isUniqueCriterion(List.of(fieldName));
    }
}
