package dev.authschema.database;

import java.util.List;

/**
 * An {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY} of the script.
 *
 * @param name            the constraint
 * @param table           the referencing table
 * @param columns         the referencing columns, in order
 * @param referencedTable the referenced table
 * @param statement       the statement as written
 */
record ForeignKeyDefinition(SqlName name, SqlName table, List<SqlName> columns, SqlName referencedTable, String statement) {

    ForeignKeyDefinition {
        columns = List.copyOf(columns);
    }

    String describe() {
        return "foreign key " + name.sql() + " on " + table.sql();
    }
}
