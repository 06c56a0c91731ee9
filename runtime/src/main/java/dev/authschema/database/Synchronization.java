package dev.authschema.database;

import dev.authschema.contract.ddl.Column;
import dev.authschema.contract.ddl.DdlLayout;
import dev.authschema.contract.ddl.ForeignKey;
import dev.authschema.contract.ddl.SqlName;
import dev.authschema.contract.ddl.Table;
import dev.authschema.contract.ddl.TableIndex;
import dev.authschema.contract.ddl.UniqueKey;
import dev.authschema.database.DdlApplier.Action;
import dev.authschema.database.ExistingSchema.StoredForeignKey;
import dev.authschema.database.ExistingSchema.StoredIndex;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One run of the {@link SchemaSynchronizer}: compares the script's layout with the database and adds what is
 * missing, in the script's order (tables and their columns and unique constraints, then indexes, then
 * foreign keys). It only ever creates and adds; no statement it runs drops or changes anything that
 * existed before the run.
 */
final class Synchronization {

    private final DdlLayout layout;
    private final ExistingSchema existing;
    private final DdlApplier applier;
    private final DatabaseDialect dialect;

    Synchronization(DdlLayout layout, ExistingSchema existing, DdlApplier applier, DatabaseDialect dialect) {
        this.layout = layout;
        this.existing = existing;
        this.applier = applier;
        this.dialect = dialect;
    }

    SynchronizationReport run() throws SQLException {
        for (Table table : layout.tables()) {
            ensureTable(table);
        }
        for (TableIndex index : layout.indexes()) {
            ensureIndex(index);
        }
        for (ForeignKey foreignKey : layout.foreignKeys()) {
            ensureForeignKey(foreignKey);
        }
        return applier.report();
    }

    private void ensureTable(Table table) throws SQLException {
        if (existing.table(table.name()).isEmpty()
                && applier.apply(
                        Action.CREATE,
                        "table " + table.name().sql(),
                        table.createStatement(),
                        () -> existing.table(table.name()).isPresent())) {
            return;
        }
        // The table was there (or another server created it meanwhile): extend it.
        String stored = storedTable(table.name(), "table " + table.name().sql());
        for (Column column : table.columns()) {
            if (!existing.hasColumn(stored, column.name())) {
                addColumn(table.name(), stored, column);
            }
        }
        for (UniqueKey unique : table.uniques()) {
            ensureUnique(unique);
        }
    }

    private void addColumn(SqlName table, String stored, Column column) throws SQLException {
        String what = "column " + column.name().sql() + " in table " + table.sql();
        DdlApplier.Check added = () -> existing.hasColumn(stored, column.name());
        if (!column.notNull() || column.filledByDatabase()) {
            applier.apply(Action.ADD, what, addColumnStatement(table, column, column.definition()), added);
            return;
        }
        // Required and without a default: existing rows would have no value. Add it nullable and require
        // values only when no row exists; otherwise no row is rejected and the operator decides.
        if (!applier.apply(Action.ADD, what, addColumnStatement(table, column, column.nullableDefinition()), added)) {
            return;
        }
        if (existing.isEmpty(table) && applier.tryApply(requireValuesStatement(table, column))) {
            return;
        }
        applier.warn("Added " + what
                + " as nullable although the schema requires it: the table has rows and the column has no default."
                + " Fill it in for the existing rows, then make it NOT NULL.");
    }

    private static String addColumnStatement(SqlName table, Column column, String definition) {
        return "ALTER TABLE " + table.sql() + " ADD COLUMN " + column.name().sql() + " " + definition;
    }

    /** Makes the column just added NOT NULL, in each database's words. */
    private String requireValuesStatement(SqlName table, Column column) {
        String prefix = "ALTER TABLE " + table.sql() + " ";
        return switch (dialect) {
            case DERBY -> prefix + "ALTER COLUMN " + column.name().sql() + " NOT NULL";
            case POSTGRESQL -> prefix + "ALTER COLUMN " + column.name().sql() + " SET NOT NULL";
            case MYSQL, MARIADB -> prefix + "MODIFY COLUMN " + column.name().sql() + " " + column.definition();
        };
    }

    private void ensureUnique(UniqueKey unique) throws SQLException {
        String stored = storedTable(unique.table(), unique.describe());
        DdlApplier.Check present = () -> hasUnique(stored, unique);
        if (!present.exists()) {
            applier.apply(Action.ADD, unique.describe(), unique.addStatement(), present);
        }
    }

    /** By name (of its index, or of the constraint where the index has another), or any unique index over the same columns. */
    private boolean hasUnique(String stored, UniqueKey unique) throws SQLException {
        if (unique.name() != null
                && existing.uniqueConstraintNames(stored).stream()
                        .anyMatch(n -> existing.names().isSame(n, unique.name()))) {
            return true;
        }
        return existing.indexes(stored).stream()
                .anyMatch(index -> (unique.name() != null && existing.names().isSame(index.name(), unique.name()))
                        || (index.unique() && existing.sameColumns(index.columns(), unique.columns(), false)));
    }

    private void ensureIndex(TableIndex index) throws SQLException {
        String stored = storedTable(index.table(), index.describe());
        DdlApplier.Check present = () -> existing.indexes(stored).stream().anyMatch(found -> serves(found, index));
        if (!present.exists()) {
            applier.apply(Action.CREATE, index.describe(), index.statement(), present);
        }
    }

    /** By name, or an index over the same columns in the same order (Derby refuses to create such a duplicate). */
    private boolean serves(StoredIndex found, TableIndex index) {
        return existing.names().isSame(found.name(), index.name())
                || ((found.unique() || !index.unique())
                        && existing.sameColumns(found.columns(), index.columns(), true));
    }

    private void ensureForeignKey(ForeignKey foreignKey) throws SQLException {
        String stored = storedTable(foreignKey.table(), foreignKey.describe());
        DdlApplier.Check present =
                () -> existing.foreignKeys(stored).stream().anyMatch(found -> same(found, foreignKey));
        if (!present.exists()) {
            applier.apply(Action.ADD, foreignKey.describe(), foreignKey.statement(), present);
        }
    }

    /** By name, or a key from the same columns to the same table under another name. */
    private boolean same(StoredForeignKey found, ForeignKey foreignKey) {
        return existing.names().isSame(found.name(), foreignKey.name())
                || (existing.names().isTable(found.referencedTable(), foreignKey.referencedTable())
                        && existing.sameColumns(found.columns(), foreignKey.columns(), true));
    }

    /** The table's stored name; a table another server is creating or altering right now may take a moment to show. */
    private String storedTable(SqlName table, String forWhat) throws SQLException {
        Optional<String> stored = existing.table(table);
        if (stored.isEmpty() && DdlApplier.existsNow(() -> existing.table(table).isPresent())) {
            stored = existing.table(table);
        }
        return stored.orElseThrow(() -> new SchemaSynchronizationException("Cannot add " + forWhat + ": table "
                + table.sql() + " does not exist in " + existing.location() + " and the script does not create it"));
    }
}
