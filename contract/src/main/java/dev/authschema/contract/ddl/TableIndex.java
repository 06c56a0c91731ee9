package dev.authschema.contract.ddl;

import java.util.List;

/**
 * A {@code CREATE [UNIQUE] INDEX} of the script.
 *
 * @param name      the index
 * @param table     its table
 * @param columns   its columns, in order
 * @param unique    whether it is a unique index
 * @param statement the statement as the script writes it, without {@code ;}
 */
public record TableIndex(SqlName name, SqlName table, List<SqlName> columns, boolean unique, String statement) {

    public TableIndex {
        columns = List.copyOf(columns);
    }

    /** "index sessions_user_id_idx on sessions", for log lines. */
    public String describe() {
        return (unique ? "unique index " : "index ") + name.sql() + " on " + table.sql();
    }
}
