package dev.authschema.contract.ddl;

/**
 * A column of a table.
 *
 * @param name    the column
 * @param type    its SQL type, e.g. {@code VARCHAR(191)}
 * @param fill    how the database fills it by itself ({@code DEFAULT 'x'}, an identity or auto-increment clause), or
 *                {@code null}
 * @param notNull whether it rejects nulls
 */
public record Column(SqlName name, String type, String fill, boolean notNull) {

    /** Type, fill and nullability, as the column line of the {@code CREATE TABLE} writes them. */
    public String definition() {
        return nullableDefinition() + (notNull ? " NOT NULL" : "");
    }

    /** The definition without {@code NOT NULL}. */
    public String nullableDefinition() {
        return fill == null ? type : type + " " + fill;
    }

    /** Whether the database fills the column on rows that exist when it is added: a default or an identity. */
    public boolean filledByDatabase() {
        return fill != null;
    }
}
