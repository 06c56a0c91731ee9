package dev.authschema.contract.ddl;

import java.util.List;

/**
 * An {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY} of the script.
 *
 * @param name            the constraint
 * @param table           the referencing table
 * @param columns         the referencing columns, in order
 * @param referencedTable the referenced table
 * @param statement       the statement as the script writes it, without {@code ;}
 */
public record ForeignKey(
        SqlName name, SqlName table, List<SqlName> columns, SqlName referencedTable, String statement) {

    public ForeignKey {
        columns = List.copyOf(columns);
    }

    /** "foreign key sessions_user_id_fkey on sessions", for log lines. */
    public String describe() {
        return "foreign key " + name.sql() + " on " + table.sql();
    }
}
