package dev.authschema.dsl.resolve;

import java.util.List;

/**
 * {@code @unique} or {@code @@unique([..])}: {@code dbName} is the constraint's name in the database, or null.
 *
 * @param columns the fields in order, each with its sort order and prefix length ({@code sort:}, {@code length:})
 */
public record UniqueConstraint(List<String> fields, String dbName, List<Index.Column> columns) {

    public UniqueConstraint {
        fields = List.copyOf(fields);
        columns = List.copyOf(columns);
    }

    /** Over whole fields in ascending order. */
    public UniqueConstraint(List<String> fields, String dbName) {
        this(fields, dbName, fields.stream().map(Index.Column::of).toList());
    }

    /** Whether a field has a sort order or a prefix length. */
    public boolean hasColumnOptions() {
        return columns.stream().anyMatch(c -> c.descending() || c.length() != null);
    }
}
