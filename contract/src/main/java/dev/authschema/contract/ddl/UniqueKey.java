package dev.authschema.contract.ddl;

import java.util.List;

/**
 * A unique constraint in a table's {@code CREATE TABLE}.
 *
 * @param name    the constraint, or {@code null} when the script gives none
 * @param table   the table
 * @param columns the columns, in order
 */
public record UniqueKey(SqlName name, SqlName table, List<SqlName> columns) {

    public UniqueKey {
        columns = List.copyOf(columns);
    }

    /** The statement that adds the constraint to an existing table. */
    public String addStatement() {
        return "ALTER TABLE " + table.sql() + " ADD " + (name == null ? "" : "CONSTRAINT " + name.sql() + " ")
                + "UNIQUE (" + DdlLayout.columnList(columns) + ")";
    }

    /** "unique constraint users_email_key on users", for log lines. */
    public String describe() {
        return "unique constraint " + (name == null ? "(" + DdlLayout.columnList(columns) + ")" : name.sql()) + " on "
                + table.sql();
    }
}
