package dev.authschema.codegen;

import dev.authschema.dsl.resolve.Index;
import dev.authschema.dsl.resolve.Relation;
import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of keys, unique constraints, indexes and foreign keys: the schema's {@code map:} when it
 * gives one, else Prisma's convention ({@code table_pkey}, {@code table_col_key}, {@code table_col_idx},
 * {@code table_col_fkey}). The entities and every DDL script use the same names.
 */
public final class ConstraintNames {

    /** The unique constraints of a table, without the one that repeats the primary key and without duplicates. */
    public List<UniqueConstraint> uniqueConstraints(ResolvedModel model) {
        List<UniqueConstraint> result = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        seen.add(new HashSet<>(model.primaryKey()));
        for (UniqueConstraint unique : model.uniqueConstraints()) {
            if (seen.add(new HashSet<>(unique.fields()))) {
                result.add(unique);
            }
        }
        return result;
    }

    public List<String> columns(ResolvedModel model, List<String> fields) {
        return fields.stream()
                .map(f -> model.field(f).orElseThrow().columnName())
                .toList();
    }

    public String primaryKeyName(ResolvedModel model) {
        return model.primaryKeyName() != null
                ? model.primaryKeyName()
                : SqlNames.constraintName(model.tableName(), List.of(), "pkey");
    }

    public String uniqueName(ResolvedModel model, UniqueConstraint unique) {
        return unique.dbName() != null
                ? unique.dbName()
                : SqlNames.constraintName(model.tableName(), columns(model, unique.fields()), "key");
    }

    public String indexName(ResolvedModel model, Index index) {
        return index.dbName() != null
                ? index.dbName()
                : SqlNames.constraintName(model.tableName(), columns(model, index.fields()), "idx");
    }

    public String foreignKeyName(ResolvedModel model, Relation relation) {
        return SqlNames.constraintName(model.tableName(), columns(model, relation.fields()), "fkey");
    }
}
