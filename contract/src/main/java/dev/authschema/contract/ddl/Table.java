package dev.authschema.contract.ddl;

import java.util.List;

/**
 * A {@code CREATE TABLE} of the script: the statement for a missing table, and its columns and unique constraints
 * to extend an existing one. (An existing table keeps its primary key: one cannot be added without rewriting it.)
 *
 * @param name            the table
 * @param columns         its columns, in order
 * @param uniques         the unique constraints in its body
 * @param createStatement the statement as the script writes it, without {@code ;}
 */
public record Table(SqlName name, List<Column> columns, List<UniqueKey> uniques, String createStatement) {

    public Table {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
    }
}
