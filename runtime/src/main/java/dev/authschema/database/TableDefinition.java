package dev.authschema.database;

import java.util.List;

/**
 * A {@code CREATE TABLE} of the script: the statement itself for a missing table, and its columns and
 * unique constraints to extend an existing one. (An existing table keeps its primary key: one cannot be
 * added without rewriting the table.)
 *
 * @param name            the table
 * @param columns         the column lines, in order
 * @param uniques         the unique constraints in the table body
 * @param createStatement the statement as written
 */
record TableDefinition(SqlName name, List<ColumnDefinition> columns, List<UniqueDefinition> uniques, String createStatement) {

    TableDefinition {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
    }
}
