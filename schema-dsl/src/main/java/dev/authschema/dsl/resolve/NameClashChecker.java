package dev.authschema.dsl.resolve;

import dev.authschema.dsl.diag.Diagnostics;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Derives table and column names ({@code @@map}/{@code @map}, the naming option, {@code tablePrefix})
 * and refuses clashes. Names are compared case-insensitively: MySQL on some systems and unquoted SQL
 * everywhere treat {@code Users} and {@code users} as one table.
 */
final class NameClashChecker {

    private final Diagnostics diagnostics;
    private final GeneratorOptions options;

    NameClashChecker(Diagnostics diagnostics, GeneratorOptions options) {
        this.diagnostics = diagnostics;
        this.options = options;
    }

    void check(List<ModelInfo> models) {
        Map<String, ModelInfo> tables = new HashMap<>();
        Map<String, String> constraints = new HashMap<>();
        for (ModelInfo model : models) {
            model.tableName = options.tablePrefix() + (model.mappedName != null ? model.mappedName : options.naming().apply(model.name));
            if (model.ignored) {
                continue;
            }
            ModelInfo other = tables.putIfAbsent(model.tableName.toLowerCase(Locale.ROOT), model);
            if (other != null) {
                diagnostics.error(model.declaration.name().span(), "The model `" + model.name + "` would use the table `" + model.tableName
                        + "`, which the model `" + other.name + "` already uses (after `@@map`, `naming` and `tablePrefix`).");
            }
            checkColumns(model);
            constraint(constraints, model.primaryKeyName, model);
            model.uniqueConstraints.forEach(u -> constraint(constraints, u.dbName(), model));
            model.indexes.forEach(i -> constraint(constraints, i.dbName(), model));
        }
    }

    /** The column of a field: its {@code @map}, else its name under the naming option. */
    String columnName(FieldInfo field) {
        return field.mappedName != null ? field.mappedName : options.naming().apply(field.name);
    }

    private void checkColumns(ModelInfo model) {
        Map<String, FieldInfo> columns = new HashMap<>();
        for (FieldInfo field : model.fields.values()) {
            if (!field.isScalarLike() || field.ignored) {
                continue;
            }
            String column = columnName(field);
            FieldInfo other = columns.putIfAbsent(column.toLowerCase(Locale.ROOT), field);
            if (other != null) {
                diagnostics.error(field.declaration.name().span(), "The field `" + field.name + "` would use the column `" + column
                        + "`, which the field `" + other.name + "` of model `" + model.name + "` already uses.");
            }
        }
    }

    /** Primary key, unique and index names share one namespace per database schema (PostgreSQL, SQL Server). */
    private void constraint(Map<String, String> constraints, String name, ModelInfo model) {
        if (name == null) {
            return;
        }
        String owner = constraints.putIfAbsent(name.toLowerCase(Locale.ROOT), model.name);
        if (model.name.equals(owner)) {
            diagnostics.error(model.declaration.name().span(), "The constraint or index name `" + name + "` is used twice in model `"
                    + model.name + "`: such names must be unique in the whole database.");
        } else if (owner != null) {
            diagnostics.error(model.declaration.name().span(), "The constraint or index name `" + name + "` of model `" + model.name
                    + "` is already used by model `" + owner + "`: such names must be unique in the whole database.");
        }
    }
}
