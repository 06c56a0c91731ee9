package dev.authschema.dsl.resolve;

import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import dev.authschema.dsl.ast.Block;
import java.util.List;
import java.util.Optional;

/**
 * A model ready for generation.
 *
 * @param tableName   the table name: {@code tablePrefix} + ({@code @@map} or the naming option applied to {@code name})
 * @param role        the role it plays, or null for a plain model next to the auth models
 * @param primaryKey  the fields of {@code @id} or {@code @@id}, in order; empty if the model has only unique criteria
 * @param primaryKeyColumns the same fields, each with its sort order and prefix length ({@code sort:}, {@code length:})
 * @param fulltextIndexes {@code @@fulltext([..])}, MySQL's and MariaDB's {@code FULLTEXT} indexes
 */
public record ResolvedModel(
        String name,
        String tableName,
        Role role,
        List<ResolvedField> fields,
        List<String> primaryKey,
        String primaryKeyName,
        List<Index.Column> primaryKeyColumns,
        List<UniqueConstraint> uniqueConstraints,
        List<Index> indexes,
        List<Index> fulltextIndexes,
        boolean ignored,
        List<String> docs,
        Block declaration) {

    public ResolvedModel {
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        primaryKeyColumns = List.copyOf(primaryKeyColumns);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        indexes = List.copyOf(indexes);
        fulltextIndexes = List.copyOf(fulltextIndexes);
        docs = List.copyOf(docs);
    }

    public Optional<ResolvedField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The field bound to a canonical property of this model's role. */
    public Optional<ResolvedField> field(CanonicalProperty property) {
        return fields.stream().filter(f -> f.canonical() == property).findFirst();
    }

    /** The stored fields that no canonical property claims. */
    public List<ResolvedField> extraFields() {
        return fields.stream().filter(ResolvedField::isExtra).toList();
    }
}
