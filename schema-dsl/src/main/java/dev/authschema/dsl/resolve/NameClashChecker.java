package dev.authschema.dsl.resolve;

import dev.authschema.dsl.ast.Span;
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
    private final Connector connector;

    NameClashChecker(Diagnostics diagnostics, GeneratorOptions options, Connector connector) {
        this.diagnostics = diagnostics;
        this.options = options;
        this.connector = connector;
    }

    void check(List<ModelInfo> models) {
        Map<String, ModelInfo> tables = new HashMap<>();
        Map<String, Declared> constraints = new HashMap<>();
        for (ModelInfo model : models) {
            model.tableName = options.tablePrefix()
                    + (model.mappedName != null
                            ? model.mappedName
                            : options.naming().apply(model.name));
            if (model.ignored) {
                continue;
            }
            ModelInfo other = tables.putIfAbsent(model.tableName.toLowerCase(Locale.ROOT), model);
            if (other != null) {
                diagnostics.error(
                        model.declaration.name().span(),
                        "The model `" + model.name + "` would use the table `" + model.tableName
                                + "`, which the model `" + other.name
                                + "` already uses (after `@@map`, `naming` and `tablePrefix`).");
            }
            checkColumns(model);
            // MySQL and SQL Server scope index names to their table; PostgreSQL and SQLite to the whole schema.
            Map<String, Declared> scope = connector.indexNamesPerTable() ? new HashMap<>() : constraints;
            constraint(scope, model.primaryKeyName, model, model.primaryKeySpan);
            // Unnamed ones get Prisma's default names, which may clash too (a unique declared twice).
            model.uniqueConstraints.forEach(u -> constraint(
                    scope,
                    u.dbName() != null ? u.dbName() : defaultName(model, u.fields(), "key"),
                    model,
                    model.constraintSpans.get(u)));
            model.indexes.forEach(i -> constraint(
                    scope,
                    i.dbName() != null ? i.dbName() : defaultName(model, i.fields(), "idx"),
                    model,
                    model.constraintSpans.get(i)));
        }
    }

    /** Prisma's name for an unnamed unique ({@code key}) or index ({@code idx}): table, columns, suffix. */
    private String defaultName(ModelInfo model, List<String> fields, String suffix) {
        StringBuilder name = new StringBuilder(model.mappedName != null ? model.mappedName : model.name);
        for (String field : fields) {
            name.append('_').append(model.field(field).map(this::columnName).orElse(field));
        }
        return name.append('_').append(suffix).toString();
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
                diagnostics.error(
                        field.declaration.name().span(),
                        "The field `" + field.name + "` would use the column `" + column + "`, which the field `"
                                + other.name + "` of model `" + model.name + "` already uses.");
            }
        }
    }

    /** A constraint name, where it was first declared, and whether that declaration was reported already. */
    private static final class Declared {
        final ModelInfo model;
        final Span span;
        boolean reported;

        Declared(ModelInfo model, Span span) {
            this.model = model;
            this.span = span;
        }
    }

    /**
     * Primary key, unique and index names share one namespace per database schema (PostgreSQL, SQLite) or per table.
     * A clash is reported on both declarations, as Prisma does: either may be the one to rename.
     */
    private void constraint(Map<String, Declared> constraints, String name, ModelInfo model, Span span) {
        if (name == null) {
            return;
        }
        Span here = span != null ? span : model.declaration.name().span();
        Declared first = constraints.putIfAbsent(name.toLowerCase(Locale.ROOT), new Declared(model, here));
        if (first == null) {
            return;
        }
        String message = first.model == model
                ? "The constraint or index name `" + name + "` is used twice in model `" + model.name
                        + "`: such names must be unique in "
                        + (connector.indexNamesPerTable() ? "a table." : "the whole database.")
                : "The constraint or index name `" + name + "` of model `" + model.name + "` is already used by model `"
                        + first.model.name + "`: such names must be unique in the whole database.";
        if (!first.reported) {
            first.reported = true;
            diagnostics.error(first.span, message);
        }
        diagnostics.error(here, message);
    }
}
