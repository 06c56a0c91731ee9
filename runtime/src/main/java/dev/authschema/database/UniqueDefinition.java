package dev.authschema.database;

import java.util.List;

/**
 * A unique constraint of a table, from its {@code CREATE TABLE} or from {@code ALTER TABLE ... ADD CONSTRAINT ... UNIQUE}.
 *
 * @param name    the constraint name, or {@code null} when the script gives none
 * @param table   the table
 * @param columns the columns, in order
 */
record UniqueDefinition(SqlName name, SqlName table, List<SqlName> columns) {

    UniqueDefinition {
        columns = List.copyOf(columns);
    }

    /** The statement that adds the constraint to an existing table. */
    String addStatement() {
        return "ALTER TABLE " + table.sql() + " ADD " + (name == null ? "" : "CONSTRAINT " + name.sql() + " ") + "UNIQUE ("
                + DdlScript.columnList(columns) + ")";
    }

    String describe() {
        return "unique constraint " + (name == null ? "(" + DdlScript.columnList(columns) + ")" : name.sql()) + " on " + table.sql();
    }
}
