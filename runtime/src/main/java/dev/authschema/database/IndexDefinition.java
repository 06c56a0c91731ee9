package dev.authschema.database;

import java.util.List;

/**
 * A {@code CREATE [UNIQUE] INDEX} of the script.
 *
 * @param name      the index
 * @param table     its table
 * @param columns   its columns, in order
 * @param unique    whether it is a unique index
 * @param statement the statement as written
 */
record IndexDefinition(SqlName name, SqlName table, List<SqlName> columns, boolean unique, String statement) {

    IndexDefinition {
        columns = List.copyOf(columns);
    }

    String describe() {
        return (unique ? "unique index " : "index ") + name.sql() + " on " + table.sql();
    }
}
